/**
 * Every storefront page: the reseller this host belongs to (or the "no storefront here" 404), its
 * branding applied as CSS variables from validated values, header, footer, and the suspension notice.
 */
import type { Metadata } from "next";
import type { CSSProperties } from "react";
import { brandVariables } from "@/lib/brand-theme";
import { storefrontIconUrl } from "@/lib/storefront-icon";
import { FocusKeeper } from "@/components/focus-keeper";
import { StorefrontHeader } from "./_components/storefront-header";
import { StorefrontFooter } from "./_components/storefront-footer";
import { UnavailableNotice } from "./_components/unavailable-notice";
import { isSelling, loadRegistrar, loadStorefront, logoUrl, sessionOfRequest } from "./_lib/storefront";

type Props = { children: React.ReactNode; params: Promise<{ host: string }> };

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const storefront = await loadStorefront((await params).host);
  return {
    title: { absolute: storefront.displayName, template: `%s · ${storefront.displayName}` },
    description: storefront.branding.tagline || `Domain names from ${storefront.displayName}.`,
    icons: { icon: storefrontIconUrl(storefront.displayName, storefront.branding, logoUrl(storefront)) },
  };
}

export default async function StorefrontLayout({ children, params }: Props) {
  const storefront = await loadStorefront((await params).host);
  const [registrar, session] = await Promise.all([loadRegistrar(), sessionOfRequest()]);
  const { branding } = storefront;
  const signedInAs = session?.ctx.kind === "registrant" ? session.name : null;
  return (
    <div
      data-storefront={storefront.slug}
      style={{ ...brandVariables(branding), fontFamily: "var(--brand-font)" } as CSSProperties}
      className="flex min-h-screen flex-col bg-[var(--brand-bg)] text-[var(--brand-text)]"
    >
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-black"
      >
        Skip to content
      </a>
      <StorefrontHeader name={storefront.displayName} logoUrl={logoUrl(storefront)} signedInAs={signedInAs} />
      {!isSelling(storefront) && (
        <div className="mx-auto w-full max-w-6xl px-4 pt-6 sm:px-6">
          <UnavailableNotice name={storefront.displayName} supportEmail={branding.supportEmail} />
        </div>
      )}
      <main id="main" className="flex-1">
        {children}
      </main>
      <StorefrontFooter
        name={storefront.displayName}
        supportEmail={branding.supportEmail}
        supportPhone={branding.supportPhone}
        registrar={registrar}
      />
      {/* The same for every visitor (an empty status line until an action speaks), so cached pages stay shared. */}
      <FocusKeeper />
    </div>
  );
}
