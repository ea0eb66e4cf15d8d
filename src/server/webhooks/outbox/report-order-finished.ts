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
};

export async function reportOrderFinished(order: FinishedOrder): Promise<void> {
  const completed = order.items.every((i) => i.state === "completed");
  const type = completed ? "order.completed" : "order.failed";
  // Every finished order passes here; most resellers have no endpoint, and then one read is all it costs.
  if (!(await anyoneListens(db, order.resellerId, type))) return;
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
