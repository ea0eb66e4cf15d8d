"use server";
/** The storefront's abuse report form: no session; rate-limited per address and reporter. */
import { definePublicAction } from "@/server/action-client";
import { abuseReportInput } from "@/server/abuse/abuse-inputs";
import { submitPublicAbuseReport } from "@/server/abuse/submit-public-report";

export const reportAbuseOnStorefront = definePublicAction({
  area: "storefront",
  input: abuseReportInput,
  handler: (req, i) =>
    submitPublicAbuseReport({ clientAddress: req.clientAddress, viaResellerId: req.storefront.id }, i),
});
