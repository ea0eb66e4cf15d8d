/** "Become a reseller": the agreement, the application form, and the thank-you state after sending. */
import type { Metadata } from "next";
import Link from "next/link";
import { PlatformHeader } from "@/components/platform-header";
import { Notice } from "@/components/notice";
import { countries } from "@/lib/countries";
import { applicationAgreement } from "@/server/reseller-agreements/application-agreement";
import { env } from "@/env";
import { ApplicationForm } from "./_components/application-form";

export const metadata: Metadata = { title: "Become a reseller" };

export default async function ApplyPage({ searchParams }: { searchParams: Promise<{ submitted?: string }> }) {
  const submitted = (await searchParams).submitted === "1";
  const agreement = await applicationAgreement();
  return (
    <div className="min-h-screen bg-slate-50">
      <PlatformHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Become a reseller</h1>
        {submitted ? (
          <div className="mt-6 max-w-2xl space-y-4">
            <Notice tone="success" title="Thank you, your application is on its way" role="status">
              We have emailed you a receipt. We review applications within two business days; once approved, the contact
              person receives an invitation to set up the owner account.
            </Notice>
            <Link href="/" className="inline-block font-medium text-indigo-700 underline underline-offset-4">
              Back to the front page
            </Link>
          </div>
        ) : (
          <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_24rem]">
            <section
              aria-labelledby="form-heading"
              className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
            >
              <h2 id="form-heading" className="sr-only">
                Application form
              </h2>
              <ApplicationForm
                agreementVersion={agreement.version}
                countries={countries()}
                baseDomain={env().STOREFRONT_BASE_DOMAIN}
              />
            </section>
            <aside
              aria-labelledby="agreement-heading"
              className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm lg:max-h-[48rem] lg:overflow-y-auto"
            >
              <h2 id="agreement-heading" className="text-lg font-semibold text-slate-900">
                {agreement.title}
              </h2>
              <p className="mt-1 text-sm text-slate-600">Version {agreement.version}</p>
              <div className="mt-4 space-y-4 text-sm text-slate-800">
                {agreement.sections.map((s, i) => (
                  <section key={i}>
                    {s.heading && <h3 className="font-semibold">{s.heading}</h3>}
                    <p className="mt-1 whitespace-pre-line">{s.text}</p>
                  </section>
                ))}
              </div>
            </aside>
          </div>
        )}
      </main>
    </div>
  );
}
