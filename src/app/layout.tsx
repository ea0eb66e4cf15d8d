import type { Metadata } from "next";
import "./globals.css";

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
