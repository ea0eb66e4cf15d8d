/**
 * The order-item state machine (DESIGN §5). Pure: `canTransition` is the whole rule, and
 * `transitionItem` refuses anything it does not allow.
 */
import type { OrderItemKind, OrderItemState, PriceOperation } from "@/generated/prisma/enums";

const NEXT: Record<OrderItemState, readonly OrderItemState[]> = {
  pending_payment: ["paid", "failed"],
  paid: ["provisioning", "queued", "failed"],
  queued: ["provisioning", "failed"],
  // parked: retries ran out with the outcome unknown; a person retries it or resolves it.
  provisioning: ["completed", "pending_registry", "failed", "parked"],
  parked: ["provisioning", "completed", "failed"],
  pending_registry: ["completed", "failed", "parked"],
  // A completed item is refunded when it is undone (for example deleted within the add grace period).
  // `refunding`: the ledger has posted the refund and the payment provider has yet to confirm it.
  completed: ["refunding", "refunded"],
  failed: ["refunding", "refunded"],
  refunding: ["refunded"],
  refunded: [],
};

export function canTransition(from: OrderItemState, to: OrderItemState): boolean {
  return NEXT[from].includes(to);
}

export function allowedFrom(to: OrderItemState): OrderItemState[] {
  return (Object.keys(NEXT) as OrderItemState[]).filter((from) => NEXT[from].includes(to));
}

export const FINISHED_STATES: readonly OrderItemState[] = ["completed", "failed", "refunded"];

/** Which price an item kind pays; null for things sold at no charge (a certificate reissue). */
export const OPERATION_OF: Record<OrderItemKind, PriceOperation | null> = {
  domain_register: "register",
  domain_renew: "renew",
  domain_transfer: "transfer",
  domain_restore: "restore",
  ssl_issue: "register",
  ssl_reissue: null,
  ssl_renew: "renew",
  tmch_mark: "register",
  sunrise_application: "register",
  landrush_application: "register",
  pre_registration: "register",
  privacy: "privacy",
};
