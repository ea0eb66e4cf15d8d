/**
 * The compliance clocks that ran out undecided and were not escalated yet: an abuse report's review
 * (acknowledge) and action clocks (decision 099), a reveal request's acknowledge and decide clocks
 * (decision 116). The registrant's own answer window is not ours to escalate. Oldest deadline first,
 * so a backlog drains in the order it fell due.
 */
import { db } from "@/server/db";

export type OverdueClock = {
  subject: "abuse_report" | "reveal_request";
  subjectId: string;
  timer: "acknowledge" | "action" | "decide";
  dueAt: Date;
  reference: string;
  domainName: string;
  resellerId: string | null;
  /** The abuse category or the requester kind: what the mail says the matter is. */
  about: string;
};

// Stored timestamps are UTC without a zone; the bound parameter is read the same way.
const utc = (d: Date) => d.toISOString();

export async function overdueClocks(now: Date, limit: number): Promise<OverdueClock[]> {
  const abuse = await db.$queryRaw<Omit<OverdueClock, "subject">[]>`
    select r.id as "subjectId", t.timer, t.due as "dueAt", r.reference, r."domainName", r."resellerId",
      r.category::text as about
    from "AbuseReport" r
    cross join lateral (values ('acknowledge', r."acknowledgeBy", r."acknowledgedAt"),
                               ('action', r."actionBy", r."actionedAt")) as t(timer, due, done)
    where r.status <> 'closed' and t.done is null
      and t.due < ${utc(now)}::timestamptz at time zone 'UTC'
      and not exists (select 1 from "ComplianceEscalation" e
        where e.subject = 'abuse_report' and e."subjectId" = r.id and e.timer = t.timer)
    order by t.due
    limit ${limit}`;
  const reveal = await db.$queryRaw<Omit<OverdueClock, "subject">[]>`
    select r.id as "subjectId", t.timer, t.due as "dueAt", r.reference, r."domainName", r."resellerId",
      r."requesterKind"::text as about
    from "RevealRequest" r
    cross join lateral (values ('acknowledge', r."acknowledgeBy", r."acknowledgedAt"),
                               ('decide', r."decideBy", r."decidedAt")) as t(timer, due, done)
    where r.status in ('received', 'acknowledged') and t.done is null
      and t.due < ${utc(now)}::timestamptz at time zone 'UTC'
      and not exists (select 1 from "ComplianceEscalation" e
        where e.subject = 'reveal_request' and e."subjectId" = r.id and e.timer = t.timer)
    order by t.due
    limit ${limit}`;
  return [
    ...abuse.map((c) => ({ ...c, subject: "abuse_report" as const })),
    ...reveal.map((c) => ({ ...c, subject: "reveal_request" as const })),
  ];
}
