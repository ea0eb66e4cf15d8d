/**
 * One order item as a person deciding it needs to see it: the item, its order and reseller, why it
 * was parked, every fulfilment attempt, and every registry command sent for it with the registry's
 * answer (the evidence). Readable in any state, so the page still explains an item once decided.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { describeOperation, describeRegistryResult } from "@/server/domains/manage/registry-words";
import type { OrderItemState } from "@/generated/prisma/enums";
import { findReadableItem } from "./parked-access";

/** Enough for any real item; a runaway loop of commands is cut off rather than rendered whole. */
const MAX_ROWS = 200;

export type RegistryEvidence = {
  id: string;
  at: Date;
  operation: string;
  what: string;
  code: number | null;
  message: string;
  answer: string;
  svTRID: string | null;
  clTRID: string | null;
};

function answerWords(code: number | null, message: string): string {
  if (code === null) return `No answer: the command may or may not have reached the registry (${message}).`;
  return describeRegistryResult(code, message);
}

export async function getParkedItem(ctx: ActorContext, itemId: string) {
  const ref = await findReadableItem(ctx, itemId);
  const [item, run, attempts, operations, reseller] = await Promise.all([
    db.orderItem.findUniqueOrThrow({
      where: { id: ref.id },
      include: {
        order: {
          select: { id: true, channel: true, currency: true, createdAt: true, registrantId: true, placedById: true },
        },
        hold: { select: { status: true, amount: true, currency: true } },
        transitions: { orderBy: { at: "asc" }, take: MAX_ROWS },
      },
    }),
    db.fulfilmentRun.findUnique({ where: { itemId: ref.id } }),
    db.fulfilmentAttempt.findMany({
      where: { itemId: ref.id },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      take: MAX_ROWS,
    }),
    db.domainOperation.findMany({
      where: { orderItemId: ref.id, resellerId: ref.resellerId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      take: MAX_ROWS,
    }),
    db.reseller.findUniqueOrThrow({
      where: { id: ref.resellerId },
      select: { id: true, displayName: true, status: true },
    }),
  ]);
  const registrant = item.order.registrantId
    ? await db.registrant.findUnique({ where: { id: item.order.registrantId }, select: { name: true, email: true } })
    : null;
  const parkedAt = item.transitions.findLast((t) => t.toState === "parked")?.at ?? null;
  return {
    item: {
      id: item.id,
      kind: item.kind,
      subject: item.subject,
      period: item.period,
      state: item.state,
      failureReason: item.failureReason,
      retailAmount: item.retailAmount,
      wholesaleAmount: item.wholesaleAmount,
      createdAt: item.createdAt,
    },
    order: { ...item.order, registrant },
    reseller,
    hold: item.hold,
    parkedAt,
    run: run && {
      attempts: run.attempts,
      uncertain: run.uncertain,
      parkedReason: run.parkedReason,
      lastError: run.lastError,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
    },
    attempts: attempts.map((a) => ({
      id: a.id.toString(),
      attempt: a.attempt,
      mode: a.mode,
      startedAt: a.startedAt,
      finishedAt: a.finishedAt,
      outcome: a.outcome,
      uncertain: a.uncertain,
      error: a.error,
    })),
    operations: operations.map((o): RegistryEvidence => ({
      id: o.id.toString(),
      at: o.at,
      operation: o.operation,
      what: describeOperation(o.operation, o.detail),
      code: o.code,
      message: o.message,
      answer: answerWords(o.code, o.message),
      svTRID: o.svTRID,
      clTRID: o.clTRID,
    })),
    history: item.transitions.map((t) => ({
      id: t.id.toString(),
      at: t.at,
      from: t.fromState as OrderItemState | null,
      to: t.toState,
      reason: t.reason,
    })),
  };
}

export type ParkedItemDetail = Awaited<ReturnType<typeof getParkedItem>>;
