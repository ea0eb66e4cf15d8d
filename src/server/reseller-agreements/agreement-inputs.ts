/** zod schemas for the reseller-agreement forms: publishing a version (registrar) and accepting it (owner). */
import { z } from "zod";

export const publishAgreementInput = z.object({
  version: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, "Use letters, digits, dots and dashes, e.g. 2026-12."),
  title: z.string().trim().min(3, "Give the version a title.").max(200),
  summary: z.string().trim().max(2000).default(""),
  body: z.string().trim().min(50, "Paste the full agreement text (at least 50 characters).").max(200_000),
  // A date from the form (YYYY-MM-DD): acceptance is due at the end of that day, UTC.
  acceptBy: z.iso.date("Choose the date by which resellers must accept."),
});
export type PublishAgreementInput = z.output<typeof publishAgreementInput>;

export const acceptAgreementInput = z.object({ versionId: z.uuid() });
