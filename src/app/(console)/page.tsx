/** The console host's front page: what the platform gives resellers, sign-in, and the way to apply. */
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { PlatformHeader } from "@/components/platform-header";
import { getSession, homeOf } from "@/server/auth/require-context";

export const metadata: Metadata = { title: "Sell domain names under your own brand" };

const FEATURES = [
  [
    "Your brand, your storefront",
    "Your name, logo, colours and legal pages on your own host name, with a storefront ready the day you are approved.",
  ],
  [
    "Wholesale prices, your margins",
    "Fund a prepaid balance, buy at your wholesale tier and set retail prices, promotions and per-extension overrides.",
  ],
  [
    "Domains, SSL and trademarks",
    "Registrations, renewals, transfers and restores across many extensions, plus SSL certificates and TMCH mark services.",
  ],
  [
    "Launch phases handled",
    "Sunrise, claims notices, landrush and pre-registrations at general availability, done for your customers.",
  ],
  [
    "Your team, with roles",
    "Invite owners, admins, support and billing staff. Every change is recorded in a tamper-evident audit log.",
  ],
  [
    "Compliance built in",
    "Contact verification, renewal notices, abuse contacts and the registrar disclosures your storefront must show.",
  ],
];

const STEPS = [
  ["Apply", "Tell us about your company and accept the reseller agreement."],
  ["Get approved", "We review within two business days and email an invitation to your owner account."],
  ["Brand your store", "Pick colours, upload your logo, add your support details and host names."],
  ["Start selling", "Fund your balance and share your storefront's address with customers."],
];

export default async function ConsoleFrontPage() {
  const session = await getSession();
  const home = session ? homeOf(session.ctx) : null;
  return (
    <div className="min-h-screen bg-white">
      <PlatformHeader signedInHome={home} />
      <main id="main" tabIndex={-1}>
        <section className="bg-gradient-to-b from-indigo-50 to-white">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
            <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
              Sell domain names under your own brand
            </h1>
            <p className="mt-5 max-w-2xl text-lg text-slate-700">
              A white-label storefront and a console to run it: domains, SSL certificates and trademark services from an
              accredited registrar, sold by you, at your prices.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href="/apply" className={buttonClasses("primary", "px-6 py-3 text-base")}>
                Apply to become a reseller
              </Link>
              <Link href={home ?? "/sign-in"} className={buttonClasses("secondary", "px-6 py-3 text-base")}>
                {home ? "Open your console" : "Sign in to your console"}
              </Link>
            </div>
          </div>
        </section>
        <section aria-labelledby="features" className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <h2 id="features" className="text-2xl font-semibold text-slate-900">
            What you get
          </h2>
          <ul className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURES.map(([title, text]) => (
              <li key={title} className="rounded-lg border border-slate-200 p-6 shadow-sm">
                <h3 className="font-semibold text-slate-900">{title}</h3>
                <p className="mt-2 text-sm text-slate-700">{text}</p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="steps" className="bg-slate-50">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
            <h2 id="steps" className="text-2xl font-semibold text-slate-900">
              How it works
            </h2>
            <ol className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
              {STEPS.map(([title, text], i) => (
                <li key={title} className="rounded-lg bg-white p-6 shadow-sm">
                  <span className="flex h-8 w-8 items-center justify-center rounded-full bg-indigo-700 text-sm font-semibold text-white">
                    {i + 1}
                  </span>
                  <h3 className="mt-3 font-semibold text-slate-900">{title}</h3>
                  <p className="mt-1 text-sm text-slate-700">{text}</p>
                </li>
              ))}
            </ol>
          </div>
        </section>
      </main>
      <footer className="border-t border-slate-200">
        <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-600 sm:px-6">
          Resellers sell under the registrar&apos;s accreditation and show its disclosure on every storefront.{" "}
          <Link className="font-medium underline" href="/status">
            Service status
          </Link>
        </p>
      </footer>
    </div>
  );
}
