/**
 * The launch views both consoles share: the calendar per TLD, customers' marks and launch
 * applications. Every state is shown in words (src/lib/launch-words.ts, order-item-words.ts).
 */
import Link from "next/link";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";
import { launchPhaseName, applicationStatusWords, MARK_STATE_STAFF_WORDS } from "@/lib/launch-words";
import { formatMoney } from "@/lib/money";
import { ORDER_ITEM_STATE_WORDS, orderItemKindWords, orderItemStateLabel } from "@/lib/order-item-words";
import type { CalendarPhase, LaunchCalendar } from "@/server/launch/views/launch-calendar";
import type { LaunchApplicationRow } from "@/server/launch/views/list-launch-applications";
import type { LaunchMarkRow } from "@/server/launch/views/list-launch-marks";

function phasePrice(p: CalendarPhase, currency: string | null): string {
  if (p.retail !== null && currency) return formatMoney(p.retail, currency);
  if (p.registryFeeUsd !== null) return `Registry fee ${formatMoney(p.registryFeeUsd, "USD")}`;
  return "Regular price";
}

export function LaunchCalendarTable({ calendar }: { calendar: LaunchCalendar }) {
  return (
    <DataTable
      caption="Launch calendar"
      headers={["Extension", "Now", "Coming next"]}
      empty={calendar.tlds.length === 0 ? <EmptyState title="No extension is in a launch." /> : undefined}
    >
      {calendar.tlds.map((t) => (
        <tr key={t.tld} data-testid="launch-tld">
          <Td className="font-medium">.{t.tld}</Td>
          <Td>
            <div>{launchPhaseName(t.currentPhase)}</div>
            {t.current && (
              <div className="text-xs text-slate-600">
                {phasePrice(t.current, calendar.currency)}
                {t.current.endsAt && (
                  <>
                    {" · until "}
                    <DateTime value={t.current.endsAt} />
                  </>
                )}
              </div>
            )}
          </Td>
          <Td>
            {t.upcoming.length === 0 ? (
              <span className="text-slate-600">No dates published</span>
            ) : (
              <ul className="space-y-1">
                {t.upcoming.map((p) => (
                  <li key={p.phase + p.startsAt.toISOString()}>
                    {launchPhaseName(p.phase)} from <DateTime value={p.startsAt} />
                    <span className="text-xs text-slate-600"> · {phasePrice(p, calendar.currency)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}

export function LaunchMarksTable({ rows, showReseller }: { rows: LaunchMarkRow[]; showReseller: boolean }) {
  return (
    <DataTable
      caption="Customers' trademark records"
      headers={["Mark", ...(showReseller ? ["Reseller"] : []), "Customer", "Status", "Expires", "Recorded"]}
      empty={rows.length === 0 ? <EmptyState title="No trademark records yet." /> : undefined}
    >
      {rows.map((m) => {
        const w = MARK_STATE_STAFF_WORDS[m.state];
        return (
          <tr key={m.id} data-testid="launch-mark">
            <Td>
              <div className="font-medium">{m.markName}</div>
              {m.labels.length > 0 && <div className="text-xs text-slate-600">{m.labels.join(", ")}</div>}
            </Td>
            {showReseller && <Td>{m.resellerName}</Td>}
            <Td>{m.customerEmail ?? "—"}</Td>
            <Td>
              <StatusBadge status={m.state} tone={w.tone}>
                {w.label}
              </StatusBadge>
            </Td>
            <Td>
              <DateTime value={m.expiresAt} />
            </Td>
            <Td>
              <DateTime value={m.createdAt} />
            </Td>
          </tr>
        );
      })}
    </DataTable>
  );
}

export function LaunchApplicationsTable({
  rows,
  showReseller,
}: {
  rows: LaunchApplicationRow[];
  showReseller: boolean;
}) {
  return (
    <DataTable
      caption="Launch applications and pre-registrations"
      headers={["Name", "Kind", ...(showReseller ? ["Reseller"] : []), "Customer", "Status", "Amount", "Applied"]}
      empty={rows.length === 0 ? <EmptyState title="No applications yet." /> : undefined}
    >
      {rows.map((a) => {
        const registry = applicationStatusWords(a.applicationStatus);
        return (
          <tr key={a.id} data-testid="launch-application">
            <Td className="font-medium">{a.name}</Td>
            <Td>{orderItemKindWords(a.kind)}</Td>
            {showReseller && <Td>{a.resellerName}</Td>}
            <Td>{a.customerEmail ?? "—"}</Td>
            <Td>
              <StatusBadge status={a.state} tone={ORDER_ITEM_STATE_WORDS[a.state].tone}>
                {orderItemStateLabel(a.state, "staff")}
              </StatusBadge>
              {registry && <div className="mt-1 text-xs text-slate-600">{registry}</div>}
            </Td>
            <Td>
              {formatMoney(a.amount, a.currency)}
              {a.isMaximum && <div className="text-xs text-slate-600">maximum bid, held</div>}
            </Td>
            <Td>
              <DateTime value={a.createdAt} />
            </Td>
          </tr>
        );
      })}
    </DataTable>
  );
}

/** Keyset pages for one list on a page holding several: the other lists' cursors stay as they are. */
export function KeysetNav({
  base,
  params,
  cursorKey,
  next,
  label,
}: {
  base: string;
  params: Record<string, string | undefined>;
  cursorKey: string;
  next: string | null;
  label: string;
}) {
  const href = (cursor: string | undefined) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...params, [cursorKey]: cursor })) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  if (!params[cursorKey] && !next) return null;
  return (
    <nav aria-label={label} className="mt-3 flex justify-between text-sm">
      {params[cursorKey] ? (
        <Link className="underline" href={href(undefined)}>
          First page
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link className="underline" rel="next" href={href(next)}>
          Next
        </Link>
      )}
    </nav>
  );
}
