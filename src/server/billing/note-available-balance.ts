/**
 * Low-balance warning: one mail per crossing below the reseller's threshold, not one per order. The
 * flag is set and cleared with conditional updates, so concurrent postings send it once.
 */
import type { Tx } from "@/server/db";
import { queueMail } from "@/server/mail/send-mail";
import { formatMoney } from "@/lib/money";
import { emitWebhookEvent } from "@/server/webhooks/outbox/emit-webhook-event";

type Row = { resellerId: string | null; threshold: number | null; warnedAt: Date | null };

export async function noteAvailableBalance(tx: Tx, row: Row, available: number): Promise<void> {
  if (!row.resellerId || row.threshold === null) return;
  const below = available < row.threshold;
  if (below && !row.warnedAt) {
    const flagged = await tx.resellerBilling.updateMany({
      where: { resellerId: row.resellerId, lowBalanceWarnedAt: null },
      data: { lowBalanceWarnedAt: new Date() },
    });
    if (flagged.count === 1) await sendWarning(tx, row.resellerId, available, row.threshold);
  } else if (!below && row.warnedAt) {
    await tx.resellerBilling.updateMany({ where: { resellerId: row.resellerId }, data: { lowBalanceWarnedAt: null } });
  }
}

async function sendWarning(tx: Tx, resellerId: string, available: number, threshold: number): Promise<void> {
  const reseller = await tx.reseller.findUnique({
    where: { id: resellerId },
    select: { displayName: true, currency: true, locale: true },
  });
  if (!reseller) return;
  await emitWebhookEvent(tx, {
    resellerId,
    type: "balance.low",
    data: { available, threshold, currency: reseller.currency },
  });
  const people = await tx.membership.findMany({
    where: { resellerId, role: { in: ["owner", "admin", "billing"] }, user: { disabledAt: null } },
    select: { user: { select: { email: true } } },
  });
  const fmt = (n: number) => formatMoney(n, reseller.currency, reseller.locale);
  for (const p of people) {
    await queueMail(tx, {
      to: p.user.email,
      kind: "billing.low-balance",
      resellerId,
      subject: `${reseller.displayName}: your prepaid balance is low`,
      text:
        `Your available balance is ${fmt(available)}, below your warning threshold of ${fmt(threshold)}.\n` +
        `Orders that need more than your available balance and credit limit will be refused.\n` +
        `Top up from the console: Billing → Top up.`,
    });
  }
}
