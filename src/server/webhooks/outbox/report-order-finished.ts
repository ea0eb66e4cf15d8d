/**
 * order.completed when every item of an order completed, order.failed when it ended with any item
 * failed or refunded; one event per order, however many runners notice that it ended.
 */
import { db } from "@/server/db";
import { anyoneListens, emitWebhookEvent } from "./emit-webhook-event";

type FinishedOrder = {
  id: string;
  resellerId: string;
  channel: string;
  currency: string;
  retailTotal: number;
  items: {
    id: string;
    kind: string;
    subject: string;
    period: number;
    state: string;
    failureReason: string | null;
    retailAmount: number;
  }[];
  /** The order event types an enabled endpoint of the reseller takes, when the caller read them with the order. */
  listening?: string[];
};

export async function reportOrderFinished(order: FinishedOrder): Promise<void> {
  const completed = order.items.every((i) => i.state === "completed");
  const type = completed ? "order.completed" : "order.failed";
  // Every finished order passes here and most resellers have no endpoint: the engine's order read brings
  // `listening` along (decision 111), other callers pay one read.
  const listens = order.listening ? order.listening.includes(type) : await anyoneListens(db, order.resellerId, type);
  if (!listens) return;
  await db.$transaction((tx) =>
    emitWebhookEvent(tx, {
      resellerId: order.resellerId,
      type,
      dedupeKey: `order.finished:${order.id}`,
      data: {
        orderId: order.id,
        channel: order.channel,
        currency: order.currency,
        retailTotal: order.retailTotal,
        items: order.items.map((i) => ({
          id: i.id,
          kind: i.kind,
          subject: i.subject,
          period: i.period,
          state: i.state,
          retailAmount: i.retailAmount,
          failureReason: i.failureReason,
        })),
      },
    }),
  );
}
