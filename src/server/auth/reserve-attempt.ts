/**
 * Reserves one attempt against several budgets before a password is checked. Each budget is taken
 * atomically (rate-limit.ts `reserveHit`); if any is spent, the ones already taken are given back
 * and the attempt is refused without a password check. A failed check keeps its reservations (they
 * are the failure count); a successful one gives them back.
 */
import { db } from "@/server/db";
import { releaseHit, reserveHit, type RateRule } from "./rate-limit";

export type Budget = { key: string; rule: RateRule };
export type Reservation = { release(): Promise<void> };

export async function reserveAttempt(budgets: readonly Budget[], now = new Date()): Promise<Reservation | null> {
  const taken: { key: string; windowStart: Date }[] = [];
  const release = async () => {
    for (const t of taken) await releaseHit(db, t.key, t.windowStart);
  };
  for (const { key, rule } of budgets) {
    const windowStart = await reserveHit(db, key, rule, now);
    if (!windowStart) {
      await release();
      return null;
    }
    taken.push({ key, windowStart });
  }
  return { release };
}
