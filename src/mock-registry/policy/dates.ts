export const DAY_MS = 86_400_000;

export function addDays(t: number, days: number): number {
  return t + days * DAY_MS;
}

export function addYears(t: number, years: number): number {
  const d = new Date(t);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

export function isoDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export function periodYears(period: { value: number; unit: "y" | "m" } | undefined): number {
  if (!period) return 1;
  return period.unit === "y" ? period.value : period.value / 12;
}
