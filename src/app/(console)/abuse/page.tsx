/** The registrar's public abuse report page on the console host (RAA 3.18, the 2024 DNS-abuse amendment). */
import type { Metadata } from "next";
import { PlatformHeader } from "@/components/platform-header";
import { AbuseReportForm } from "@/components/abuse-report-form";
import { db } from "@/server/db";
import { reportAbuseToRegistrar } from "./actions";

export const metadata: Metadata = { title: "Report abuse" };

export default async function ConsoleAbusePage() {
  const registrar = await db.registrar.findFirst({ select: { legalName: true, abuseEmail: true, abusePhone: true } });
  return (
    <div className="min-h-screen bg-slate-50">
      <PlatformHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-2xl space-y-6 px-4 py-10 text-slate-900 sm:px-6">
        <h1 className="text-3xl font-bold tracking-tight">Report abuse</h1>
        <p>
          Report a domain name we sponsor that is used for phishing, malware, botnets, pharming, or spam that delivers
          them. Someone able to act reviews each report within 24 hours and tells you the outcome.
          {registrar && (
            <>
              {" "}
              You can also write to{" "}
              <a className="underline" href={`mailto:${registrar.abuseEmail}`}>
                {registrar.abuseEmail}
              </a>{" "}
              or call {registrar.abusePhone}.
            </>
          )}
        </p>
        <AbuseReportForm action={reportAbuseToRegistrar} />
      </main>
    </div>
  );
}
