/**
 * The WAPS sweep, every minute: lifts holds whose registrant is now verified (first, so a verified
 * registrant never waits behind the rest), mails the reminders that are due, and suspends the active
 * domains whose registrant contact is still unverified past its deadline. Each step is bounded and
 * claims its rows, so overlapping runs do not double anything.
 */
import { db } from "@/server/db";
import { addDays, platformNow } from "@/server/domains/lifecycle/clock";
import { issueVerificationLink } from "./start/issue-link";
import { REMINDER_DAYS, VERIFY_DAYS } from "./start/terms";
import { liftDueHolds, placeWapsHold } from "./waps-holds";

export type SweepCounts = { lifted: number; reminded: number; held: number; holdErrors: number };

/** How many reminders should have gone out by `now` for a contact with this deadline. */
export function remindersDue(deadline: Date, now: Date): number {
  return REMINDER_DAYS.filter((d) => addDays(deadline, d - VERIFY_DAYS) <= now).length;
}

type Reminder = { id: string; resellerId: string; email: string; verificationDeadline: Date; remindersSent: number };

async function sendReminders(now: Date, limit: number): Promise<number> {
  // Reminder k is due `VERIFY_DAYS - REMINDER_DAYS[k]` days before the deadline: the first (day 5)
  // for deadlines up to ten days away, the second (day 10) for those up to five.
  const [first, second] = REMINDER_DAYS.map((d) => addDays(now, VERIFY_DAYS - d));
  const rows = await db.$queryRaw<Reminder[]>`
    select c.id, c."resellerId", c.email, c."verificationDeadline", v."remindersSent"
    from "ContactVerification" v
    join "Contact" c on c.id = v."contactId"
    where v."remindersSent" < ${REMINDER_DAYS.length} and c."verifiedAt" is null and c."verificationDeadline" > ${now}
      and ((v."remindersSent" = 0 and c."verificationDeadline" <= ${first})
        or (v."remindersSent" > 0 and c."verificationDeadline" <= ${second}))
    order by c."verificationDeadline"
    limit ${limit}`;
  let sent = 0;
  for (const c of rows) {
    const due = remindersDue(c.verificationDeadline, now);
    if (due <= c.remindersSent) continue;
    await db.$transaction(async (tx) => {
      // Claims the reminder: a second sweep finds remindersSent moved on and sends nothing.
      const claimed = await tx.contactVerification.updateMany({
        where: { contactId: c.id, remindersSent: c.remindersSent },
        data: { remindersSent: due, lastSentAt: now },
      });
      if (claimed.count === 0) return;
      await issueVerificationLink(tx, c, now, "reminder");
      sent++;
    });
  }
  return sent;
}

type Overdue = {
  domainId: string;
  contactId: string;
  email: string;
  deadline: Date;
};

async function overdueDomains(now: Date, limit: number): Promise<Overdue[]> {
  return db.$queryRaw<Overdue[]>`
    select d.id as "domainId", c.id as "contactId", c.email, c."verificationDeadline" as deadline
    from "Domain" d
    join "Contact" c on c.id = d."registrantContactId"
    where d.state = 'active' and c."verifiedAt" is null and c."verificationDeadline" <= ${now}
      and not exists (select 1 from "WapsHold" h where h."domainId" = d.id and h."liftedAt" is null)
    order by c."verificationDeadline", d.id
    limit ${limit}`;
}

export async function runVerificationSweep(limit = 500): Promise<SweepCounts> {
  const now = platformNow();
  const lifted = await liftDueHolds(limit);
  const reminded = await sendReminders(now, limit);
  let held = 0;
  let holdErrors = 0;
  for (const o of await overdueDomains(now, limit)) {
    const domain = await db.domain.findUnique({ where: { id: o.domainId } });
    if (!domain) continue;
    const r = await placeWapsHold(domain, { id: o.contactId, email: o.email, deadline: o.deadline });
    if (r.placed) held++;
    if (r.error) holdErrors++;
  }
  return { lifted, reminded, held, holdErrors };
}
