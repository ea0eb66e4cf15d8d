/**
 * Settles the answers of a phase start a batch per transaction, beside the sending: each answer
 * writes its outcome into the item's details and moves it only while it still waits (one settle per
 * item), completes or fails it as the engine would, runs the provisioner's commit (the Domain row and
 * its audit entry) and writes the create's history row when the create was sent through the bare
 * port. Audit entries of a batch are appended together (decision 129). One batch is written at a
 * time, so the settles never take the database pool from the sending lanes.
 *
 * A batch that cannot commit is settled item by item; an item that still cannot is left marked sent
 * for the next look, which asks the registry before creating again.
 */
import { db, type Tx } from "@/server/db";
import { Prisma } from "@/generated/prisma/client";
import { appendCollectedAudit, collectAuditIn } from "@/server/audit/record-audit";
import { completeItem, failItem } from "@/server/orders/complete-item";
import { refundItem } from "@/server/orders/refund-item";
import { notifyIfOrderFinished } from "@/server/orders/notify-order-finished";
import type { ProvisionItem, ProvisionResult } from "@/server/orders/provisioner";
import { recordOperation, type OperationRecord } from "@/server/registry/access/record-operation";
import { preorderDetailsSchema, type PreorderOutcome } from "@/server/launch/preorder/preorder-details";

const BATCH = 50;

export type PreorderAnswer = {
  itemId: string;
  name: string;
  result: "registered" | "refused" | "retry";
  message: string;
  code: number | null;
};

export type Answered = {
  item: ProvisionItem;
  result: ProvisionResult;
  answer: PreorderAnswer;
  /** The create sent through the bare port, recorded here. */
  record?: OperationRecord;
};

type Entry = Answered & { done: () => void };

const outcomeOf = (r: PreorderAnswer): PreorderOutcome | null =>
  r.result === "retry" ? null : { result: r.result, message: r.message, code: r.code, at: new Date().toISOString() };

/** One item's settle inside `tx`; false when it no longer waits (another runner settled it). */
async function settleIn(tx: Tx, { item, result, answer, record }: Answered): Promise<boolean> {
  const d = preorderDetailsSchema.parse(item.details ?? {});
  const details = { ...d, sent: false, leaseUntil: undefined, outcome: outcomeOf(answer) ?? undefined };
  if (record) await recordOperation(record, { tx });
  const locked = await tx.orderItem.updateMany({
    where: { id: item.id, state: "pending_registry" },
    data: { details: details as Prisma.InputJsonValue },
  });
  if (locked.count === 0) return false;
  if (result.status === "completed") await completeItem(tx, item.id, { registryCost: result.registryCost });
  else await failItem(tx, item.id, answer.message);
  await result.commit?.(tx);
  return true;
}

/** What follows a committed settle: refunds of the refused, and the mail of orders that ended. */
async function afterSettle(settled: Answered[]) {
  for (const s of settled)
    if (s.result.status !== "completed") await refundItem(s.item.id, s.answer.message).catch(() => undefined);
  for (const orderId of new Set(settled.map((s) => s.item.orderId)))
    await notifyIfOrderFinished(orderId).catch(() => undefined);
}

/** The batch could not commit: each alone, and an item that still cannot stays marked sent. */
async function settleAlone(entries: Answered[]) {
  const settled: Answered[] = [];
  for (const e of entries) {
    try {
      if (await db.$transaction((tx) => settleIn(tx, e), { maxWait: 30_000, timeout: 30_000 })) settled.push(e);
    } catch {
      const d = preorderDetailsSchema.parse(e.item.details ?? {});
      await db.orderItem
        .updateMany({
          where: { id: e.item.id, state: "pending_registry" },
          data: { details: { ...d, sent: true, leaseUntil: undefined } as Prisma.InputJsonValue },
        })
        .catch(() => undefined);
    }
  }
  await afterSettle(settled);
}

export class PreorderSettler {
  private waiting: Entry[] = [];
  private writing: Promise<void> | null = null;

  /** Queues an answer; resolves once it is settled (or left for the next look). */
  add(answered: Answered): Promise<void> {
    return new Promise<void>((done) => {
      this.waiting.push({ ...answered, done });
      this.writing ??= this.writeAll();
    });
  }

  /** Resolves when every answer added so far is settled. */
  async drain(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeAll(): Promise<void> {
    // Let the answers of this turn of the event loop join the first batch.
    await new Promise((r) => setImmediate(r));
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, BATCH);
      await this.writeBatch(batch).catch(() => undefined);
      for (const e of batch) e.done();
    }
    this.writing = null;
  }

  private async writeBatch(batch: Entry[]): Promise<void> {
    let settled: Answered[];
    try {
      settled = await db.$transaction(
        async (tx) => {
          collectAuditIn(tx);
          const done: Answered[] = [];
          for (const e of batch) if (await settleIn(tx, e)) done.push(e);
          await appendCollectedAudit(tx);
          return done;
        },
        { maxWait: 30_000, timeout: 120_000 },
      );
    } catch {
      return settleAlone(batch);
    }
    await afterSettle(settled);
  }
}
