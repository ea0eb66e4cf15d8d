/**
 * The time limits of a reveal request, in working days from receipt (Monday to Friday, UTC, as the
 * data-request clocks): acknowledged within 2, the registrant may answer within 5, decided within 10
 * (docs/decisions/116-privacy-reveal-requests.md).
 */
import { addWorkingDays } from "@/server/data-requests/working-days";

export const ACKNOWLEDGE_WORKING_DAYS = 2;
export const REGISTRANT_ANSWER_WORKING_DAYS = 5;
export const DECIDE_WORKING_DAYS = 10;

export function revealClocks(receivedAt: Date) {
  return {
    receivedAt,
    acknowledgeBy: addWorkingDays(receivedAt, ACKNOWLEDGE_WORKING_DAYS),
    registrantAnswerBy: addWorkingDays(receivedAt, REGISTRANT_ANSWER_WORKING_DAYS),
    decideBy: addWorkingDays(receivedAt, DECIDE_WORKING_DAYS),
  };
}

export const REQUESTER_KIND_WORDS = {
  law_enforcement: "a law-enforcement or other public authority",
  rights_holder: "an intellectual-property rights holder",
  complainant: "a person with a complaint about the name",
} as const;

export const day = (d: Date) => d.toISOString().slice(0, 10);
