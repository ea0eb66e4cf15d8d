/**
 * When a certificate of a subscription is replaced: a term of years is delivered as successive
 * certificates, each within the maximum lifetime in force on its issue date (CA/B Forum ballot
 * SC-081: 398 days, then 200 from 2026-03-15, 100 from 2027-03-15, 47 from 2029-03-15; the CA caps
 * what we ask). The next one is ordered when a third of the current one's life remains, as ACME
 * clients renew, so a slow DCV or CA still finishes before expiry.
 */
const DAY = 86_400_000;

const STEPS: [string, number][] = [
  ["2029-03-15", 47],
  ["2027-03-15", 100],
  ["2026-03-15", 200],
];

export function maxLifetimeDays(on: Date): number {
  for (const [from, days] of STEPS) if (on.getTime() >= Date.parse(`${from}T00:00:00Z`)) return days;
  return 398;
}

export function addYears(d: Date, years: number): Date {
  const out = new Date(d);
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** Days to ask the CA for: what is left of the term, at most the lifetime in force today. */
export function validityDaysFor(now: Date, termEndsAt: Date): number {
  const left = Math.ceil((termEndsAt.getTime() - now.getTime()) / DAY);
  return Math.max(1, Math.min(left, maxLifetimeDays(now)));
}

/** When to order the next certificate, or null when this one reaches the end of the term. */
export function nextReplacementAt(cert: { notBefore: Date; notAfter: Date }, termEndsAt: Date): Date | null {
  if (cert.notAfter.getTime() >= termEndsAt.getTime() - DAY) return null;
  const life = cert.notAfter.getTime() - cert.notBefore.getTime();
  return new Date(cert.notAfter.getTime() - Math.max(DAY, Math.floor(life / 3)));
}
