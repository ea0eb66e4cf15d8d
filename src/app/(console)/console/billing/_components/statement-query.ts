/** Statement filters from the query string (shared by the page and the CSV export). */
import type { StatementFilter } from "@/server/billing/list-statement";

export type StatementQuery = {
  month?: string;
  from?: string;
  to?: string;
  kind?: string;
  account?: string;
  before?: string;
};

const day = (s: string | undefined, plus = 0): Date | undefined => {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return undefined;
  return new Date(d.getTime() + plus * 86_400_000);
};

export function parseStatementQuery(q: StatementQuery): {
  filter: StatementFilter;
  month?: { year: number; month: number };
  before?: string;
} {
  const m = q.month && /^(\d{4})-(\d{2})$/.exec(q.month);
  const month = m ? { year: Number(m[1]), month: Number(m[2]) } : undefined;
  const filter: StatementFilter = {
    from: month ? new Date(Date.UTC(month.year, month.month - 1, 1)) : day(q.from),
    to: month ? new Date(Date.UTC(month.year, month.month, 1)) : day(q.to, 1),
    kind: q.kind || undefined,
    account: q.account === "held" ? "held" : "available",
  };
  return { filter, month, before: q.before && /^\d+$/.test(q.before) ? q.before : undefined };
}

export function statementQueryString(q: StatementQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (typeof v === "string" && v) p.set(k, v);
  return p.toString();
}
