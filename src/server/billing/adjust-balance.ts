/**
 * Registrar staff credit or debit a reseller's balance by hand, always with a reason; audited. A debit
 * obeys the same floor as orders (available plus credit limit stays at or above zero).
 */
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { resellerAccount } from "./accounts";
import { requireRegistrarAdmin } from "./guards";
import { postEntry } from "./post-entry";

export type AdjustInput = {
  resellerId: string;
  direction: "credit" | "debit";
  amount: number;
  reason: string;
  idempotencyKey?: string;
};

export async function adjustBalance(ctx: ActorContext, input: AdjustInput): Promise<{ entryId: string }> {
  requireRegistrarAdmin(ctx);
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new AppError("INVALID_INPUT", undefined, { fields: { amount: "Enter an amount above zero." } });
  const reason = input.reason.trim();
  if (reason.length < 5)
    throw new AppError("INVALID_INPUT", undefined, { fields: { reason: "Say why, in a few words." } });
  const reseller = await db.reseller.findUnique({ where: { id: input.resellerId }, select: { currency: true } });
  if (!reseller) throw new AppError("NOT_FOUND");
  const signed = input.direction === "credit" ? input.amount : -input.amount;
  return db.$transaction(async (tx) => {
    const posted = await postEntry(tx, {
      key: `manual:${input.idempotencyKey ?? randomUUID()}`,
      kind: input.direction === "credit" ? "manual_credit" : "manual_debit",
      memo: reason,
      resellerId: input.resellerId,
      actorId: ctx.actorId,
      lines: [
        { account: resellerAccount("reseller_available", input.resellerId, reseller.currency), amount: signed },
        { account: resellerAccount("manual_adjustments", input.resellerId, reseller.currency), amount: -signed },
      ],
    });
    if (posted.created) {
      await recordAudit(tx, ctx, {
        action: `billing.manual-${input.direction}`,
        entity: "journal_entry",
        entityId: posted.entryId,
        resellerId: input.resellerId,
        after: { amount: input.amount, currency: reseller.currency, reason },
      });
    }
    return { entryId: posted.entryId };
  });
}
