/**
 * Plain words for the parked-item pages. Item states and kinds come from the shared order words
 * (src/lib/order-item-words.ts) so every page names them alike; these add what only these pages show.
 */
import type { OrderChannel, OrderItemKind, OrderItemState } from "@/generated/prisma/enums";
import { toUnicodeName } from "@/lib/domain-name";
import { orderItemKindWords, orderItemStateLabel } from "@/lib/order-item-words";

const ATTEMPT_OUTCOMES: Record<string, string> = {
  completed: "Done",
  pending_registry: "Accepted; the registry finishes later",
  failed: "Failed",
  retry: "Stopped; tried again later",
  parked: "Stopped; waiting for a decision",
  superseded: "Taken over by another run",
};

const CHANNEL_WORDS: Record<OrderChannel, string> = {
  storefront: "Storefront",
  console: "Console",
  api: "API",
};

/** The state as staff read it ("Needs a person", "Done", …). */
export function itemStateWords(state: OrderItemState): string {
  return orderItemStateLabel(state, "staff");
}

/** "Registration: example.com". */
export function itemTitle(kind: OrderItemKind, subject: string): string {
  return `${orderItemKindWords(kind)}: ${toUnicodeName(subject)}`;
}

export function attemptOutcomeWords(outcome: string | null): string {
  if (outcome === null) return "Did not finish";
  return ATTEMPT_OUTCOMES[outcome] ?? outcome;
}

export function attemptModeWords(mode: string): string {
  return mode === "inline" ? "While the customer waited" : "In the background";
}

export function channelWords(channel: OrderChannel): string {
  return CHANNEL_WORDS[channel];
}
