/**
 * The platform's clock for lifecycle decisions. Production uses real time; tests align it with the
 * mock registry's clock (which they move), so "30 days before expiry" means the same on both sides.
 */
const holder = globalThis as unknown as { __platformClock?: () => Date };

export function platformNow(): Date {
  return holder.__platformClock?.() ?? new Date();
}

export function setPlatformClock(clock: (() => Date) | null): void {
  holder.__platformClock = clock ?? undefined;
}

export const DAY_MS = 86_400_000;

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

export function addYears(d: Date, years: number): Date {
  const r = new Date(d);
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
}
