import type { Metadata } from "next";
import { PLATFORM_NAME, titleTemplate } from "@/lib/page-title";
import "./globals.css";

// Every page carries a per-request CSP nonce (src/proxy.ts), which Next.js can only put on scripts
// of a page rendered for that request; a page prerendered at build time would have its scripts blocked.
// Storefront pages that are the same for everyone are cached in front of this instead, with the nonce
// swapped per answer (src/server/cache/page-cache.ts, decision 095).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: titleTemplate(PLATFORM_NAME),
  description: "Domain names, SSL certificates and trademark services, sold by our resellers.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-gray-900 antialiased">{children}</body>
    </html>
  );
}
