/**
 * "Evaluate now" (decision 128): a registrar admin runs the daily findings evaluation at once, for one
 * reseller or for all, so a changed threshold shows in the recorded findings without waiting for the
 * night. The same code as the job, so it opens, updates and closes findings exactly as the job would;
 * who asked is audited, the findings' own openings and closings stay the system's.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { requireRegistrarAdmin } from "@/server/tenancy/guards";
import { sandboxResellerIds } from "@/server/live-tenants";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { evaluateAllResellers, evaluateReseller, type FindingChanges } from "./record-findings";
import { loadThresholdTable } from "./threshold-settings";
import type { EvaluateNowInput } from "./health-inputs";

async function evaluateOne(resellerId: string, now: Date): Promise<FindingChanges & { resellers: number }> {
  const [reseller, shadows] = await Promise.all([
    db.reseller.findUnique({ where: { id: resellerId }, select: { status: true } }),
    sandboxResellerIds(),
  ]);
  // Registrar views leave sandbox shadows out (decision 108): to them it does not exist.
  if (!reseller || shadows.includes(resellerId)) throw new AppError("NOT_FOUND");
  if (reseller.status === "closed") throw new AppError("CONFLICT", "A closed reseller's figures are not evaluated.");
  const changes = await evaluateReseller(resellerId, await loadThresholdTable(resellerId), now);
  return { ...changes, resellers: 1 };
}

export async function evaluateHealthNow(ctx: ActorContext, input: EvaluateNowInput) {
  requireRegistrarAdmin(ctx);
  const now = platformNow();
  const result = input.resellerId ? await evaluateOne(input.resellerId, now) : await evaluateAllResellers(now);
  await db.$transaction((tx) =>
    recordAudit(tx, ctx, {
      action: "health_finding.evaluate_now",
      entity: "reseller",
      entityId: input.resellerId,
      resellerId: null,
      after: result,
    }),
  );
  return result;
}
