import type { Metadata } from "next";
import "./globals.css";

// Every page carries a per-request CSP nonce (src/proxy.ts), which Next.js can only put on scripts
// of a page rendered for that request; a page prerendered at build time would have its scripts blocked.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Registrar Platform", template: "%s · Registrar Platform" },
  description: "Domain names, SSL certificates and trademark services, sold by our resellers.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-gray-900 antialiased">{children}</body>
    </html>
  );
}
