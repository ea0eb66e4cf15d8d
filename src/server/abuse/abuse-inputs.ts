/** zod schemas for the abuse forms: the public report and the registrar's actions on a report. */
import { z } from "zod";

export const ABUSE_CATEGORIES = ["phishing", "malware", "botnet", "pharming", "spam"] as const;

/** What the public form takes; every field bounded so one post stays small. */
export const abuseReportInput = z.object({
  domain: z.string().trim().min(3, "Enter the domain name or a link on it.").max(2000),
  category: z.enum(ABUSE_CATEGORIES, { error: "Choose what kind of abuse it is." }),
  description: z.string().trim().min(10, "Describe what you saw (at least 10 characters).").max(5000),
  evidenceUrls: z.string().trim().max(4000).default(""),
  reporterName: z.string().trim().max(200).default(""),
  reporterEmail: z.email("Enter an email address we can answer.").max(254),
  fromAuthority: z
    .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});
export type AbuseReportInput = z.output<typeof abuseReportInput>;

export const ABUSE_ACTIONS = [
  "acknowledge",
  "notify_reseller",
  "notify_registrant",
  "client_hold",
  "lift_hold",
  "lock",
  "delete",
] as const;
export type AbuseActionKind = (typeof ABUSE_ACTIONS)[number];

export const abuseActionInput = z.object({
  reportId: z.uuid(),
  action: z.enum(ABUSE_ACTIONS),
  note: z.string().trim().max(2000).default(""),
});

export const closeAbuseReportInput = z.object({
  reportId: z.uuid(),
  outcome: z.string().trim().min(5, "Write what the reporter is told (at least 5 characters).").max(2000),
});
