/** The Whois Accuracy Program's clock: 15 days to verify, reminders on the way, and resend limits. */
import { addDays, DAY_MS } from "@/server/domains/lifecycle/clock";

export const VERIFY_DAYS = 15;
/** Reminders, in days after verification started, while the address is still unverified. */
export const REMINDER_DAYS = [5, 10] as const;
/** A person may ask for a new link this often, and this many times a day. */
export const RESEND_GAP_MS = 5 * 60_000;
export const RESENDS_PER_DAY = 5;
/** A link sent after the deadline (the name is on hold) still needs time to be clicked. */
export const LATE_LINK_DAYS = 3;

/** Links work until the deadline; one sent close to or after it works a few days more. */
export function linkExpiry(deadline: Date | null, now: Date): Date {
  const late = addDays(now, LATE_LINK_DAYS);
  return deadline && deadline.getTime() - now.getTime() > DAY_MS ? deadline : late;
}
