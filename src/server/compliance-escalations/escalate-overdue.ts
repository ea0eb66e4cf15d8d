/**
 * Escalates each compliance clock that ran out undecided, once: the clock's row is claimed under its
 * unique key in the transaction that marks the report or request overdue (it then heads the
 * registrar's queue), mails the registrar's compliance address (and, for a reveal request, the
 * reseller's owners and admins) and audits it on the registrar's chain. A second sweep, or a second
 * worker racing this one, finds the row and sends nothing (decision 127).
 */
import { z } from "zod";
import { env } from "@/env";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { defineJob } from "@/server/jobs/define-job";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { mailResellerManagers } from "@/server/tenancy/mail-reseller-managers";
import { overdueClocks, type OverdueClock } from "./overdue-clocks";
import { queueComplianceEscalation, queueResellerRevealEscalation } from "./escalation-mail";

const BATCH = 200;

async function complianceAddress(): Promise<string | null> {
  const configured = env().COMPLIANCE_EMAIL;
  if (configured) return configured;
  const registrar = await db.registrar.findFirst({ select: { abuseEmail: true } });
  return registrar?.abuseEmail ?? null;
}

async function escalate(c: OverdueClock, to: string | null, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.complianceEscalation.createMany({
      data: [{ subject: c.subject, subjectId: c.subjectId, timer: c.timer, dueAt: c.dueAt, escalatedAt: now }],
      skipDuplicates: true,
    });
    if (claimed.count === 0) return false;
    const mark = { where: { id: c.subjectId, escalatedAt: null }, data: { escalatedAt: now } };
    if (c.subject === "abuse_report") await tx.abuseReport.updateMany(mark);
    else await tx.revealRequest.updateMany(mark);
    if (to) await queueComplianceEscalation(tx, to, c);
    const resellerId = c.resellerId;
    if (c.subject === "reveal_request" && resellerId)
      await mailResellerManagers(tx, resellerId, (manager) =>
        queueResellerRevealEscalation(tx, manager, { ...c, resellerId }),
      );
    await recordAudit(tx, systemContext(null), {
      action: "compliance.escalated",
      entity: c.subject,
      entityId: c.subjectId,
      resellerId: null,
      after: { reference: c.reference, timer: c.timer, dueAt: c.dueAt, mailedTo: to },
    });
    return true;
  });
}

/** Returns how many clocks were escalated by this run. */
export async function escalateOverdueClocks(now: Date = platformNow()): Promise<number> {
  const to = await complianceAddress();
  let escalated = 0;
  for (;;) {
    const due = await overdueClocks(now, BATCH);
    for (const c of due) if (await escalate(c, to, now)) escalated++;
    if (due.length < BATCH) return escalated;
  }
}

export const escalateOverdueClocksJob = defineJob({
  name: "compliance.escalate-overdue",
  payload: z.object({}),
  // Every ten minutes: the shortest clock is 24 hours, so an escalation is at most minutes late.
  cron: "*/10 * * * *",
  retry: { limit: 0 },
  handler: async () => void (await escalateOverdueClocks()),
});
