/** RFC 8334 application statuses (standards.md 1.9), shared by sunrise and landrush applications. */
export const APPLICATION_STATUSES = [
  "pendingValidation",
  "validated",
  "invalid",
  "pendingAllocation",
  "allocated",
  "rejected",
  "custom",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
