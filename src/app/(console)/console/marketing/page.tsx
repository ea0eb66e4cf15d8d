/**
 * The marketing kit: banners, mail templates and product texts with this reseller's name, colours,
 * storefront address and prices filled in, each to download on its own or all in one zip. Every
 * staff member may read it; the headline price's TLD is a choice of the page, not a setting.
 */
import type { Metadata } from "next";
import { buttonClasses } from "@/components/button";
import { Card } from "@/components/card";
import { SelectField } from "@/components/form-field";
import { PageHeader } from "@/components/page-header";
import { KIT_FILES, KIT_ZIP_NAME, type KitGroup } from "@/server/marketing/kit-files";
import { loadKitData } from "@/server/marketing/load-kit-data";
import { loadConsole } from "../_lib/console-session";

export const metadata: Metadata = { title: "Marketing kit" };

const GROUPS: { group: KitGroup; title: string; description: string }[] = [
  { group: "banner", title: "Web banners", description: "SVG in the three most asked-for sizes." },
  {
    group: "mail",
    title: "Mail templates",
    description: "HTML and plain text. Your mail tool fills in {{customer_name}}, {{domain}} and {{expiry_date}}.",
  },
  { group: "text", title: "Product texts", description: "Markdown for your own site or shop." },
];

const linkClasses = "font-medium text-indigo-700 underline underline-offset-4";

export default async function MarketingPage({ searchParams }: { searchParams: Promise<{ tld?: string }> }) {
  const { ctx, reseller } = await loadConsole();
  const { tld: asked } = await searchParams;
  const data = await loadKitData(ctx, reseller.id, { tld: typeof asked === "string" ? asked : undefined });
  const query = data.headline ? `?tld=${encodeURIComponent(data.headline.tld)}` : "";
  const href = (name: string) => `/console/marketing/files/${name}${query}`;
  return (
    <>
      <PageHeader
        title="Marketing kit"
        description={`Banners, mail templates and product texts in ${data.brand}'s name, colours and prices. They follow your branding and price list: download again after you change either.`}
        actions={
          <a href={href(KIT_ZIP_NAME)} download className={buttonClasses("primary")}>
            Download all (.zip)
          </a>
        }
      />
      {data.tlds.length > 0 ? (
        <form method="get" action="/console/marketing" className="mb-6 flex flex-wrap items-end gap-3">
          <SelectField
            name="tld"
            label="Price to lead with"
            defaultValue={data.headline?.tld}
            options={data.tlds.map((t) => ({ value: t, label: `.${t}` }))}
          />
          <button type="submit" className={buttonClasses("secondary")}>
            Use this price
          </button>
          {data.headline && (
            <p className="text-sm text-slate-700">
              Banners and the promotion lead with .{data.headline.tld} from {data.headline.price}.
            </p>
          )}
        </form>
      ) : (
        <p className="mb-6 text-sm text-slate-700">Your price list is not open yet, so the kit shows no prices.</p>
      )}
      <div className="space-y-6">
        {GROUPS.map((g) => (
          <Card key={g.group} title={g.title} description={g.description}>
            {g.group === "banner" && (
              <div className="mb-4 flex flex-wrap items-start gap-4">
                {KIT_FILES.filter((f) => f.group === "banner").map((f) => (
                  // eslint-disable-next-line @next/next/no-img-element -- an SVG made per request; nothing to optimise
                  <img key={f.name} src={href(f.name)} alt={`${f.label} preview`} className="border border-slate-200" />
                ))}
              </div>
            )}
            <ul className="grid gap-2 sm:grid-cols-2">
              {KIT_FILES.filter((f) => f.group === g.group).map((f) => (
                <li key={f.name}>
                  <a href={href(f.name)} download className={linkClasses}>
                    {f.label}
                  </a>{" "}
                  <span className="text-sm text-slate-600">{f.name}</span>
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
    </>
  );
}
