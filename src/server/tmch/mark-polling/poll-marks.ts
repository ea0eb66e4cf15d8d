/**
 * Follows marks at the TMCH: those under review or awaiting correction at every run, verified ones
 * once an hour (for expiry, renewals and revoked SMDs). Each change is written, audited and mailed
 * (src/server/tmch/marks/apply-status.ts). Verified marks within 30 days of their term's end get one
 * reminder per expiry date.
 */
import { db } from "@/server/db";
import { tmch } from "../http/access";
import { TmchError } from "../port";
import { applyStatus } from "../marks/apply-status";
import { UNDER_REVIEW } from "../marks/item-details";
import { mailExpirySoon } from "../marks/mark-mail";

const HOUR = 3_600_000;
const REMINDER_DAYS = 30;
const BATCH = 200;

export async function pollMarks(
  now = new Date(),
): Promise<{ polled: number; changed: number; reminded: number; failed: number }> {
  const port = tmch();
  const marks = await db.tmchMark.findMany({
    where: {
      tmchId: { not: null },
      OR: [
        { state: { in: [...UNDER_REVIEW, "incorrect"] } },
        { state: "verified", OR: [{ lastPolledAt: null }, { lastPolledAt: { lt: new Date(now.getTime() - HOUR) } }] },
      ],
    },
    orderBy: { lastPolledAt: { sort: "asc", nulls: "first" } },
    take: BATCH,
  });
  let changed = 0;
  let failed = 0;
  for (const mark of marks) {
    try {
      const status = await port.getMark(mark.tmchId!);
      const after = await applyStatus(port, mark, status, now);
      if (after.state !== mark.state || after.smdId !== mark.smdId) changed++;
    } catch (e) {
      // One mark the TMCH cannot answer for must not stop the others; the next run asks again.
      if (!(e instanceof TmchError)) throw e;
      failed++;
    }
  }
  return { polled: marks.length, changed, failed, reminded: await remindExpiring(now) };
}

async function remindExpiring(now: Date): Promise<number> {
  const due = await db.tmchMark.findMany({
    where: { state: "verified", expiresAt: { gt: now, lte: new Date(now.getTime() + REMINDER_DAYS * 24 * HOUR) } },
    take: BATCH,
  });
  let sent = 0;
  for (const mark of due) {
    if (mark.expiryNoticeFor?.getTime() === mark.expiresAt!.getTime()) continue;
    await db.$transaction(async (tx) => {
      // Claimed by the update, so two workers never send the same reminder.
      const claimed = await tx.tmchMark.updateMany({
        where: { id: mark.id, OR: [{ expiryNoticeFor: null }, { expiryNoticeFor: { not: mark.expiresAt! } }] },
        data: { expiryNoticeFor: mark.expiresAt },
      });
      if (claimed.count === 1) {
        await mailExpirySoon(tx, mark);
        sent++;
      }
    });
  }
  return sent;
}
