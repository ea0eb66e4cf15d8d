/**
 * What an order item's state means, in the words people read. The registrant's order pages, the
 * receipt and both consoles take their words from here, so no page shows an enum name and a state
 * added to the engine fails the type check until it has words.
 */
import type { OrderItemKind, OrderItemState } from "@/generated/prisma/enums";

/** Colour families shared with StatusBadge. */
export type WordsTone = "green" | "amber" | "red" | "blue" | "slate";

type StateWords = {
  /** Short label for a badge or a table cell, as the registrant reads it. */
  label: string;
  /** Staff read the same label unless the state asks something of them. */
  staffLabel?: string;
  /** One sentence for the registrant: what is happening and what comes next. */
  detail: string;
  tone: WordsTone;
};

export const ORDER_ITEM_STATE_WORDS: Record<OrderItemState, StateWords> = {
  pending_payment: {
    label: "Waiting for payment",
    detail: "We start as soon as the payment arrives.",
    tone: "amber",
  },
  paid: { label: "Working on it", detail: "Paid. We are sending it to the registry.", tone: "blue" },
  queued: { label: "Working on it", detail: "Paid. It is next in line for the registry.", tone: "blue" },
  provisioning: { label: "Working on it", detail: "We are completing it with the registry now.", tone: "blue" },
  pending_registry: {
    label: "Waiting for the registry",
    detail: "The registry has it and answers in its own time; nothing is needed from you.",
    tone: "blue",
  },
  parked: {
    label: "Being checked",
    staffLabel: "Needs a person",
    detail: "We are checking with the registry; you will hear from us. Nothing is charged twice.",
    tone: "amber",
  },
  completed: { label: "Done", detail: "Done.", tone: "green" },
  failed: { label: "Could not be completed", detail: "This could not be completed.", tone: "red" },
  refunding: { label: "Refund on its way", detail: "We have sent the refund; it is on its way to you.", tone: "red" },
  refunded: { label: "Refunded", detail: "This was refunded.", tone: "red" },
};

const KIND_WORDS: Record<OrderItemKind, string> = {
  domain_register: "Registration",
  domain_renew: "Renewal",
  domain_transfer: "Transfer in",
  domain_restore: "Restore",
  ssl_issue: "Certificate",
  ssl_reissue: "Certificate reissue",
  ssl_renew: "Certificate renewal",
  tmch_mark: "Trademark record",
  sunrise_application: "Sunrise application",
  landrush_application: "Landrush application",
  pre_registration: "Pre-registration",
  privacy: "Privacy",
};

/** States in which the engine is still at work without anyone acting: pages showing them refresh. */
export const MOVING_STATES: readonly OrderItemState[] = ["paid", "queued", "provisioning"];

const REASONED: readonly OrderItemState[] = ["failed", "refunding", "refunded"];

export function orderItemKindWords(kind: OrderItemKind): string {
  return KIND_WORDS[kind];
}

export function orderItemStateLabel(state: OrderItemState, audience: "registrant" | "staff" = "registrant"): string {
  const w = ORDER_ITEM_STATE_WORDS[state];
  return audience === "staff" ? (w.staffLabel ?? w.label) : w.label;
}

export function orderItemTone(state: OrderItemState): WordsTone {
  return ORDER_ITEM_STATE_WORDS[state].tone;
}

/**
 * The sentence for one item. `pendingUntil` (ISO) is the registry's deadline for a transfer waiting
 * for the current registrar; `failureReason` says why an item ended without being done.
 */
export function orderItemDetail(item: {
  state: OrderItemState;
  kind: OrderItemKind;
  failureReason?: string | null;
  pendingUntil?: string | null;
}): string {
  if (item.state === "pending_registry" && item.kind === "domain_transfer")
    return item.pendingUntil
      ? `Waiting for the current registrar: they have until ${item.pendingUntil.slice(0, 10)} to answer, and the registry approves the transfer then if they do not.`
      : "Waiting for the current registrar to answer; the registry approves the transfer if they do not.";
  const base = ORDER_ITEM_STATE_WORDS[item.state].detail;
  return REASONED.includes(item.state) && item.failureReason ? `${base} ${sentence(item.failureReason)}` : base;
}

/** A reason as a sentence of its own ("Registry refused" → "Registry refused."). */
function sentence(text: string): string {
  const t = text.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

export type OrderSummaryWords = { label: string; detail: string; tone: WordsTone; moving: boolean };

/**
 * The order as a whole, from its items' states. `paymentOpen`: a checkout was started and the
 * provider may confirm it any moment, so an unpaid order is worth refreshing too.
 */
export function orderSummaryWords(states: OrderItemState[], opts: { paymentOpen?: boolean } = {}): OrderSummaryWords {
  const has = (s: OrderItemState) => states.includes(s);
  const working = states.some((s) => MOVING_STATES.includes(s));
  if (has("pending_payment"))
    return {
      label: "Waiting for payment",
      detail: opts.paymentOpen
        ? "Waiting for the payment to be confirmed: this page updates by itself."
        : "Waiting for payment: nothing starts until the order is paid.",
      tone: "amber",
      moving: Boolean(opts.paymentOpen) || working,
    };
  if (working)
    return {
      label: "Working on it",
      detail: "Working on it: this page updates by itself.",
      tone: "blue",
      moving: true,
    };
  if (has("parked"))
    return {
      label: "Being checked",
      detail: ORDER_ITEM_STATE_WORDS.parked.detail,
      tone: "amber",
      moving: false,
    };
  if (has("pending_registry"))
    return {
      label: "Waiting for the registry",
      detail: "Waiting for the registry: we write to you when it answers.",
      tone: "blue",
      moving: false,
    };
  if (has("refunding"))
    return { label: "Refund on its way", detail: ORDER_ITEM_STATE_WORDS.refunding.detail, tone: "red", moving: false };
  if (states.length > 0 && states.every((s) => s === "completed"))
    return { label: "Done", detail: "Your order has finished.", tone: "green", moving: false };
  if (states.some((s) => s === "completed"))
    return {
      label: "Partly done",
      detail: "Your order has finished; some items could not be completed.",
      tone: "amber",
      moving: false,
    };
  if (states.length > 0 && states.every((s) => s === "refunded"))
    return { label: "Refunded", detail: "Your order has finished and was refunded.", tone: "red", moving: false };
  return { label: "Could not be completed", detail: "Your order could not be completed.", tone: "red", moving: false };
}
