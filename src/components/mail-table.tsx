/**
 * Outbox messages with their delivery state; each body the reader may see opens in place (plain
 * text, never HTML, secret links already replaced). Other people's mail shows only its envelope.
 */
import { DateTime } from "./date-time";
import { EmptyState } from "./data-table";
import { StatusBadge } from "./status-badge";

type Mail = {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string | null;
  kind: string;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
};

export function MailTable({
  items,
  showReseller,
}: {
  items: (Mail & { resellerName?: string | null })[];
  showReseller?: boolean;
}) {
  if (items.length === 0) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white">
        <EmptyState title="No mail yet">Invitations, notices and receipts appear here.</EmptyState>
      </div>
    );
  }
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
      {items.map((m) => (
        <li key={m.id}>
          <details className="group px-4 py-3">
            <summary className="flex cursor-pointer list-none flex-col gap-1 sm:flex-row sm:items-center sm:justify-between">
              <span className="min-w-0">
                <span className="block truncate font-medium text-slate-900">{m.subject}</span>
                <span className="block truncate text-sm text-slate-600">
                  To {m.toAddress} · {m.kind}
                  {showReseller && ` · ${m.resellerName ?? "registrar"}`}
                </span>
              </span>
              <span className="flex shrink-0 items-center gap-3 text-xs text-slate-600">
                <DateTime value={m.createdAt} />
                {m.sentAt ? (
                  <StatusBadge status="sent" />
                ) : m.lastError ? (
                  <StatusBadge status="failed">retrying</StatusBadge>
                ) : (
                  <StatusBadge status="queued">in outbox</StatusBadge>
                )}
              </span>
            </summary>
            {m.textBody === null ? (
              <p className="mt-3 text-sm text-slate-600">
                Only the recipient and the registrar&apos;s administrators can read this message.
              </p>
            ) : (
              <pre className="mt-3 overflow-x-auto rounded-md bg-slate-50 p-3 text-sm whitespace-pre-wrap text-slate-800">
                {m.textBody}
              </pre>
            )}
            {m.lastError && (
              <p className="mt-2 text-xs text-red-800">
                Last delivery error ({m.attempts} attempts): {m.lastError}
              </p>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
