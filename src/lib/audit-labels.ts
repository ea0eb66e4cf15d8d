/** Audit actions in words: the table lives in activity-words.ts, shared with the recent-activity lists. */
export { eventLabel as auditActionLabel } from "./activity-words";
