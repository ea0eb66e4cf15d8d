/**
 * The public report form (every storefront and the console host). Rate-limited per client address
 * and per reporter address, so the form cannot be used to flood the queue or to mail-bomb someone
 * with receipts; each field is bounded by the input schema.
 */
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { reserveHit, type RateRule } from "@/server/auth/rate-limit";
import { evidenceUrls } from "./classify";
import type { AbuseReportInput } from "./abuse-inputs";
import { submitAbuseReport } from "./submit-report";

export const FORM_ADDRESS_RULE: RateRule = { limit: 5, windowMs: 3_600_000 };
export const FORM_REPORTER_RULE: RateRule = { limit: 10, windowMs: 24 * 3_600_000 };

export async function submitPublicAbuseReport(
  req: { clientAddress: string; viaResellerId: string | null },
  input: AbuseReportInput,
): Promise<{ reference: string }> {
  const byAddress = await reserveHit(db, `abuse-form:addr:${req.clientAddress}`, FORM_ADDRESS_RULE);
  const byReporter =
    byAddress && (await reserveHit(db, `abuse-form:mail:${input.reporterEmail.toLowerCase()}`, FORM_REPORTER_RULE));
  if (!byAddress || !byReporter)
    throw new AppError("RATE_LIMITED", "Too many reports from here. Try again later, or write to our abuse address.");
  const urls = evidenceUrls(input.evidenceUrls);
  const { reference } = await submitAbuseReport({
    source: req.viaResellerId ? "storefront_form" : "console_form",
    category: input.category,
    domain: input.domain,
    description: input.description,
    reporterName: input.reporterName,
    reporterEmail: input.reporterEmail,
    fromAuthority: input.fromAuthority,
    viaResellerId: req.viaResellerId,
    evidence: [
      { kind: "text", content: input.description },
      ...(input.domain.includes("/") ? [{ kind: "url", content: input.domain }] : []),
      ...urls.map((u) => ({ kind: "url", content: u })),
    ],
  });
  return { reference };
}
