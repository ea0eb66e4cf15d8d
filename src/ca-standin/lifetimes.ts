/**
 * CA/B Forum ballot SC-081v3: the longest a TLS certificate (and a domain validation) may last,
 * by the date it is issued. Dates are UTC midnights.
 */
const STEPS: { from: string; certDays: number; dcvReuseDays: number }[] = [
  { from: "2029-03-15", certDays: 47, dcvReuseDays: 10 },
  { from: "2027-03-15", certDays: 100, dcvReuseDays: 100 },
  { from: "2026-03-15", certDays: 200, dcvReuseDays: 200 },
];

function step(at: Date) {
  return STEPS.find((s) => at.getTime() >= Date.parse(`${s.from}T00:00:00Z`));
}

export function maxCertificateDays(at: Date): number {
  return step(at)?.certDays ?? 398;
}

export function dcvReuseDays(at: Date): number {
  return step(at)?.dcvReuseDays ?? 398;
}

/** Constructed-email DCV (BR 3.2.2.4.4) ends with ballot SC-090. */
export function emailDcvAllowed(at: Date): boolean {
  return at.getTime() < Date.parse("2028-03-15T00:00:00Z");
}
