/** Report abuse of a domain name: every storefront carries the registrar's form (RAA 3.18). */
import type { Metadata } from "next";
import { AbuseReportForm } from "@/components/abuse-report-form";
import { loadStorefront } from "../_lib/storefront";
import { reportAbuseOnStorefront } from "./actions";

export const metadata: Metadata = { title: "Report abuse" };

export default async function StorefrontAbusePage({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Report abuse</h1>
      <p>
        Tell us about a domain name sold by {storefront.displayName} that is used for phishing, malware, botnets,
        pharming, or spam that delivers them. Reports go to the sponsoring registrar&apos;s abuse team, which reviews
        each within 24 hours.
      </p>
      <AbuseReportForm action={reportAbuseOnStorefront} />
    </div>
  );
}
