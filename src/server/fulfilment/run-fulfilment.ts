/**
 * The engine's two ways in. `runFulfilment` is what a job does: one attempt, any retry queued with
 * backoff. `fulfilNow` is the same attempt while a person waits (console renewals, bulk jobs,
 * auto-renewals): it answers in words, and if the registry could not be reached the retry is queued
 * and the page says so.
 */
import type { ActorContext } from "@/server/context";
import type { OrderItemState } from "@/generated/prisma/enums";
import { orderItemStateLabel } from "@/lib/order-item-words";
import { attemptItem } from "./attempt-item";

const idleWords = (state: OrderItemState) =>
  `This item is already settled: ${orderItemStateLabel(state, "staff").toLowerCase()}.`;

export type Fulfilment = { ok: boolean; code: number | null; message: string };

export async function runFulfilment(itemId: string): Promise<OrderItemState | "missing" | "busy"> {
  const outcome = await attemptItem(itemId, "job");
  if (outcome.kind === "settled" || outcome.kind === "idle") return outcome.state;
  if (outcome.kind === "retry") return "provisioning";
  if (outcome.kind === "parked") return "parked";
  return outcome.kind;
}

export async function fulfilNow(itemId: string, actor: ActorContext): Promise<Fulfilment> {
  const outcome = await attemptItem(itemId, "inline", actor);
  switch (outcome.kind) {
    case "settled": {
      const ok = outcome.state === "completed" || outcome.state === "pending_registry";
      return { ok, code: outcome.code, message: outcome.message };
    }
    case "retry":
      return {
        ok: false,
        code: outcome.code,
        message: "The registry could not be reached; we will retry automatically and show the result here.",
      };
    case "parked":
      return {
        ok: false,
        code: null,
        message:
          "The registry has not confirmed the outcome after several attempts; the item waits for a person to check.",
      };
    case "busy":
      return { ok: false, code: null, message: "This item is already being worked on; its result will show here." };
    case "missing":
      return { ok: false, code: null, message: "This order item does not exist." };
    case "idle":
      return { ok: outcome.state === "completed", code: null, message: idleWords(outcome.state) };
  }
}
