/**
 * The one table of words for statuses the consoles show: a domain's lifecycle state and the small
 * statuses of resellers, applications, host names, mail and jobs. Badges take their label and colour
 * from here, so no page prints an enum name; order items have theirs in order-item-words.ts.
 */
import type { DomainState } from "@/generated/prisma/enums";
import type { WordsTone } from "./order-item-words";

export type StatusWords = { label: string; tone: WordsTone; detail?: string };

export const DOMAIN_STATE_WORDS: Record<DomainState, StatusWords> = {
  pending_create: { label: "Being registered", tone: "blue", detail: "The registry is creating it." },
  active: { label: "Active", tone: "green" },
  pending_transfer_in: {
    label: "Transferring in",
    tone: "blue",
    detail: "Waiting for the current registrar or the registry.",
  },
  pending_transfer_out: {
    label: "Transfer out requested",
    tone: "amber",
    detail: "Another registrar asked for it; approve or reject before the deadline.",
  },
  expired: { label: "Expired, can be renewed", tone: "amber", detail: "Past expiry, still inside the grace period." },
  redemption: { label: "Deleted, can be restored", tone: "red", detail: "In the redemption period." },
  pending_delete: { label: "Being deleted", tone: "red", detail: "It can no longer be restored." },
  deleted: { label: "Deleted", tone: "slate" },
  transferred_away: { label: "Transferred away", tone: "slate" },
};

const STATUS_WORDS: Record<string, StatusWords> = {
  active: { label: "Active", tone: "green" },
  suspended: { label: "Suspended", tone: "red" },
  closed: { label: "Closed", tone: "slate" },
  pending: { label: "Waiting for a decision", tone: "amber" },
  approved: { label: "Approved", tone: "green" },
  declined: { label: "Declined", tone: "red" },
  verified: { label: "Verified", tone: "green" },
  unverified: { label: "Waiting for DNS", tone: "amber" },
  sent: { label: "Sent", tone: "green" },
  queued: { label: "Queued", tone: "amber" },
  running: { label: "Running", tone: "blue" },
  completed: { label: "Done", tone: "green" },
  failed: { label: "Failed", tone: "red" },
  low: { label: "Low balance", tone: "amber" },
};

function isDomainState(value: string): value is DomainState {
  return Object.hasOwn(DOMAIN_STATE_WORDS, value);
}

/** Words for a status; an unknown one reads as a phrase ("needs_review" → "Needs review"), never raw. */
export function statusWords(status: string): StatusWords {
  if (Object.hasOwn(STATUS_WORDS, status)) return STATUS_WORDS[status];
  if (isDomainState(status)) return DOMAIN_STATE_WORDS[status];
  const phrase = status.replaceAll(/[_.]+/g, " ").trim();
  return { label: phrase.charAt(0).toUpperCase() + phrase.slice(1), tone: "slate" };
}

export function domainStateWords(state: DomainState): StatusWords {
  return DOMAIN_STATE_WORDS[state];
}

/** Choices for a filter on domain states, in lifecycle order. */
export const DOMAIN_STATE_CHOICES: readonly { value: DomainState; label: string }[] = (
  Object.keys(DOMAIN_STATE_WORDS) as DomainState[]
).map((value) => ({ value, label: DOMAIN_STATE_WORDS[value].label }));
