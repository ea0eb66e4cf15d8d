"use server";
/** The registrar's own abuse report form on the console host: no session; rate-limited. */
import { definePublicAction } from "@/server/action-client";
import { abuseReportInput } from "@/server/abuse/abuse-inputs";
import { submitPublicAbuseReport } from "@/server/abuse/submit-public-report";

export const reportAbuseToRegistrar = definePublicAction({
  area: "console",
  input: abuseReportInput,
  handler: (req, i) => submitPublicAbuseReport({ clientAddress: req.clientAddress, viaResellerId: null }, i),
});
