/** The reseller's privacy notice, as plain text. */
import type { Metadata } from "next";
import { LegalText } from "../_components/legal-text";
import { loadStorefront } from "../_lib/storefront";

export const metadata: Metadata = { title: "Privacy notice" };

export default async function PrivacyPage({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  return (
    <article className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold">Privacy notice</h1>
      <div className="mt-6">
        <LegalText
          text={storefront.branding.privacyText}
          fallback={`${storefront.displayName} has not published its privacy notice yet. Write to ${storefront.branding.supportEmail} to ask how your data is handled.`}
        />
      </div>
    </article>
  );
}
