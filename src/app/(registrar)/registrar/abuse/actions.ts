"use server";
/** Acting on abuse reports from the registrar console: registrar admins only (auditors read). */
import { defineAction } from "@/server/action-client";
import { abuseActionInput, closeAbuseReportInput } from "@/server/abuse/abuse-inputs";
import { actOnAbuseReport, closeAbuseReport } from "@/server/abuse/act-on-report";

const ADMIN = ["registrar_admin"] as const;

export const actOnAbuseReportAsRegistrar = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: abuseActionInput,
  handler: (ctx, i) => actOnAbuseReport(ctx, i),
});

export const closeAbuseReportAsRegistrar = defineAction({
  area: "registrar",
  roles: ADMIN,
  input: closeAbuseReportInput,
  handler: (ctx, i) => closeAbuseReport(ctx, i),
});
