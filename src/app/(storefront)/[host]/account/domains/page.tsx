/** The registrant's domains on this storefront. */
import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/server/auth/require-context";
import { listDomains } from "@/server/domains/queries/list-domains";
import { loadStorefront, sessionOfRequest } from "../../_lib/storefront";
import { DomainStateBadge } from "@/app/(console)/console/domains/_components/domain-state-badge";

export const metadata: Metadata = { title: "Your domains" };

export default async function AccountDomainsPage({
  params,
  searchParams,
}: {
  params: Promise<{ host: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  await loadStorefront((await params).host);
  const { ctx } = await requireSession("storefront", { next: "/account/domains", session: sessionOfRequest });
  const { cursor } = await searchParams;
  const { rows, next } = await listDomains(ctx, {
    sort: "expiry",
    cursor: typeof cursor === "string" ? cursor : null,
    limit: 50,
  });
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Your domains</h1>
        <Link href="/account" className="underline underline-offset-4">
          Back to your account
        </Link>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-800">
          You have no domains yet.{" "}
          <Link className="underline" href="/">
            Find one
          </Link>
          .
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-slate-900 shadow-sm">
          {rows.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
              {/* A plain link: fifty client links cost every render of this list (decision 110), and each
                  would prefetch its domain's page as it scrolls into view. */}
              <a href={`/account/domains/${d.id}`} className="text-lg font-semibold underline underline-offset-4">
                {d.unicodeName}
              </a>
              <span className="flex items-center gap-3 text-sm">
                <DomainStateBadge state={d.state} />
                <span>Expires {d.expiresAt?.toISOString().slice(0, 10) ?? "—"}</span>
                <span>Auto-renew {d.autoRenew ? "on" : "off"}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <Link className="underline" rel="next" href={`/account/domains?cursor=${next}`}>
          More domains
        </Link>
      )}
    </div>
  );
}
