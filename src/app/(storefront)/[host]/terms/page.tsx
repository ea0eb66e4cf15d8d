/** The reseller's terms of service, and the sponsoring registrar that RAA 3.12 says they must name. */
import type { Metadata } from "next";
import { LegalText } from "../_components/legal-text";
import { loadRegistrar, loadStorefront } from "../_lib/storefront";

export const metadata: Metadata = { title: "Terms of service" };

export default async function TermsPage({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  const registrar = await loadRegistrar();
  return (
    <article className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold">Terms of service</h1>
      <div className="mt-6">
        <LegalText
          text={storefront.branding.termsText}
          fallback={`${storefront.displayName} has not published its terms yet. Write to ${storefront.branding.supportEmail} for a copy.`}
        />
      </div>
      <h2 className="mt-10 text-xl font-semibold">Sponsoring registrar</h2>
      <p className="mt-3">{registrar.resellerDisclosure}</p>
    </article>
  );
}
