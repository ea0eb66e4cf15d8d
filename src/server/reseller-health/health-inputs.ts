/** zod schemas for the health forms and report links: thresholds, findings, evaluating now, a report's period. */
import { z } from "zod";
import { HEALTH_METRIC_KEYS } from "./health-thresholds";

const metric = z.enum(HEALTH_METRIC_KEYS as [string, ...string[]], "Choose a figure.");

export const setThresholdInput = z.object({
  metric,
  // Empty: the registrar-wide value; a reseller's id: that reseller's override.
  resellerId: z
    .union([z.uuid(), z.literal("")])
    .default("")
    .transform((v) => (v === "" ? null : v)),
  // Empty: the figure is not watched at this scope.
  limit: z
    .string()
    .trim()
    .max(20)
    .default("")
    .refine(
      (v) => v === "" || (/^-?\d+(\.\d+)?$/.test(v) && Number.isFinite(Number(v))),
      "Enter a number, or leave it empty.",
    )
    .transform((v) => (v === "" ? null : Number(v))),
});
export type SetThresholdInput = z.output<typeof setThresholdInput>;

export const clearOverrideInput = z.object({ metric, resellerId: z.uuid() });
export type ClearOverrideInput = z.output<typeof clearOverrideInput>;

export const acknowledgeFindingInput = z.object({
  findingId: z.uuid(),
  note: z.string().trim().min(3, "Say what was done or why it is accepted.").max(2000),
});
export type AcknowledgeFindingInput = z.output<typeof acknowledgeFindingInput>;

// No reseller (or empty): every reseller the daily evaluation covers.
export const evaluateNowInput = z.object({
  resellerId: z
    .union([z.uuid(), z.literal("")])
    .default("")
    .transform((v) => (v === "" ? null : v)),
});
export type EvaluateNowInput = z.output<typeof evaluateNowInput>;

const DAY_MS = 86_400_000;
// A year at most: the report is read by people, and a wider window is a data export, not a report.
const MAX_PERIOD_DAYS = 366;

/** The report's period from its link: `from` and `to` UTC dates, both inclusive; the last 90 days by default. */
export function parseReportPeriod(params: URLSearchParams, now: Date): { from: Date; to: Date } | null {
  const date = z.iso.date().optional();
  const f = date.safeParse(params.get("from") ?? undefined);
  const t = date.safeParse(params.get("to") ?? undefined);
  if (!f.success || !t.success) return null;
  const to = t.data ? new Date(Date.parse(`${t.data}T00:00:00Z`) + DAY_MS) : now;
  const from = f.data ? new Date(`${f.data}T00:00:00Z`) : new Date(to.getTime() - 90 * DAY_MS);
  if (from >= to || to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) return null;
  return { from, to };
}
