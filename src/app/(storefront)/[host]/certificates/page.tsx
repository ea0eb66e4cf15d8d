/**
 * Certificates on this storefront: the products with their retail prices per year, and for a signed-in
 * registrant the order form. The registrant pastes a CSR made on their server, or types the names and
 * has this browser make the key and CSR (the private key never reaches us either way); a name they
 * hold here on our nameservers is validated without their doing anything.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { BrowserKeyForNames } from "@/components/browser-key-for-names";
import { SelectField, TextAreaField } from "@/components/form-field";
import { formatMoney } from "@/lib/money";
import { DCV_METHOD_WORDS } from "@/lib/certificate-words";
import { getSession } from "@/server/auth/require-context";
import { listRetailPrices } from "@/server/pricing/list-price-table";
import { namesValidatedHere } from "@/server/ssl/views/names-validated-here";
import { isSelling, loadStorefront } from "../_lib/storefront";
import { buyCertificate } from "./actions";

export const metadata: Metadata = { title: "SSL certificates" };

const YEARS = [1, 2, 3, 4, 5].map((y) => ({ value: String(y), label: y === 1 ? "1 year" : `${y} years` }));
const DCV_CHOICES = (["dns-txt", "http-file"] as const).map((m) => ({ value: m, label: DCV_METHOD_WORDS[m] }));

export default async function CertificatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ host: string }>;
  searchParams: Promise<{ product?: string }>;
}) {
  const storefront = await loadStorefront((await params).host);
  const { currency, locale, products } = await listRetailPrices(storefront.id);
  const ssl = products.filter((p) => p.kind === "ssl" && p.register !== undefined);
  const session = await getSession();
  const registrant = session?.ctx.kind === "registrant" ? session.ctx : null;
  const held = registrant ? await namesValidatedHere(registrant) : [];
  const chosen = (await searchParams).product;
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">SSL certificates</h1>
        {registrant && (
          <Link href="/account/certificates" className="underline underline-offset-4">
            Your certificates
          </Link>
        )}
      </div>
      <section aria-labelledby="products">
        <h2 id="products" className="mb-3 text-xl font-semibold">
          Products
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {ssl.map((p) => (
            <li
              key={p.code}
              data-testid="certificate-product"
              data-code={p.code}
              className="rounded-lg border border-slate-200 bg-white p-4 text-slate-900 shadow-sm"
            >
              <p className="font-semibold">{p.name}</p>
              <p className="text-sm">
                <span data-testid="price">{formatMoney(p.register ?? 0, currency, locale)}</span> a year, for 1 to{" "}
                {p.maxPeriod} years; reissues are free within the term.
              </p>
            </li>
          ))}
        </ul>
      </section>
      {!isSelling(storefront) ? null : registrant ? (
        <section aria-labelledby="order" className="rounded-lg border border-slate-200 bg-white p-6 text-slate-900">
          <h2 id="order" className="mb-1 text-xl font-semibold">
            Order a certificate
          </h2>
          <p className="mb-4 text-sm text-slate-700">
            Make a key and a certificate signing request (CSR) on your server, for example{" "}
            <code>
              openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout site.key -subj
              &quot;/CN=www.example.com&quot;
            </code>
            , and paste the request below, or have this browser make them. Keep the key: we never see it.
          </p>
          {held.length > 0 && (
            <div className="mb-4 text-sm">
              <p>Names you hold here on our nameservers are validated for you, with nothing to publish:</p>
              <ul className="mt-1 flex flex-wrap gap-2">
                {held.map((name) => (
                  <li key={name} data-testid="held-name" className="rounded bg-slate-100 px-2 py-0.5 font-mono">
                    {name}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ActionForm
            action={buyCertificate}
            idempotent
            submitLabel="Order and pay"
            pendingLabel="Checking your request…"
          >
            <SelectField
              name="productCode"
              label="Product"
              required
              defaultValue={ssl.some((p) => p.code === chosen) ? chosen : ssl[0]?.code}
              options={ssl.map((p) => ({ value: p.code, label: p.name }))}
            />
            <SelectField name="years" label="Term" required defaultValue="1" options={YEARS} />
            <SelectField
              name="dcvMethod"
              label="Domain control validation"
              defaultValue="dns-txt"
              hint="Names outside our nameservers: we show you the record or file to publish."
              options={DCV_CHOICES}
            />
            <BrowserKeyForNames suggested={held[0] ? `${held[0]}, www.${held[0]}` : ""} />
            <TextAreaField
              name="csrPem"
              label="Certificate signing request (CSR)"
              required
              rows={10}
              spellCheck={false}
              className="font-mono"
              hint="PEM text from -----BEGIN CERTIFICATE REQUEST----- to its END line."
            />
          </ActionForm>
        </section>
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-900">
          <Link className="underline" href="/sign-in?next=/certificates">
            Sign in
          </Link>{" "}
          to order a certificate.
        </p>
      )}
    </div>
  );
}
