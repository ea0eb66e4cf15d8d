/**
 * Launch words for the consoles: staff read the registry's launch phases, marks and applications in
 * plain words, never the enum or RFC 8334 tokens. A mark state added to the schema fails the type
 * check here until it has words.
 */
import type { TmchMarkState } from "@/generated/prisma/enums";
import type { WordsTone } from "./order-item-words";

const PHASE_NAMES: Record<string, string> = {
  announced: "Announced",
  sunrise: "Sunrise (trademark holders)",
  landrush: "Landrush (early access)",
  claims: "Trademark notice period",
  open: "General availability",
};

/** The name of a launch phase as a calendar shows it; a registry's own phase falls back to plain words. */
export function launchPhaseName(phase: string): string {
  return Object.hasOwn(PHASE_NAMES, phase) ? PHASE_NAMES[phase] : "Launch period";
}

export const MARK_STATE_STAFF_WORDS: Record<TmchMarkState, { label: string; tone: WordsTone }> = {
  ordered: { label: "Awaiting payment", tone: "amber" },
  submitted: { label: "With the Clearinghouse", tone: "blue" },
  verifying: { label: "Being verified", tone: "blue" },
  incorrect: { label: "Needs correcting", tone: "red" },
  corrected: { label: "Correction under review", tone: "blue" },
  verified: { label: "Verified", tone: "green" },
  expired: { label: "Expired", tone: "slate" },
  deactivated: { label: "Withdrawn", tone: "slate" },
  cancelled: { label: "Not recorded", tone: "slate" },
};

/** What the registry last said about an application (RFC 8334 statuses), as staff read it. */
export const APPLICATION_STATUS_WORDS: Record<string, string> = {
  pendingValidation: "Registry checking it",
  validated: "Accepted by the registry",
  invalid: "Refused by the registry",
  pendingAllocation: "Waiting for the phase to end",
  allocated: "Name allocated",
  rejected: "Went to another applicant",
  custom: "With the registry",
};

export function applicationStatusWords(status: string | null): string | null {
  return status && Object.hasOwn(APPLICATION_STATUS_WORDS, status) ? APPLICATION_STATUS_WORDS[status] : null;
}
