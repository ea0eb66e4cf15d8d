/** Pieces shared by the abuse list and detail pages. */
import { StatusBadge } from "@/components/status-badge";
import { timerState } from "@/server/abuse/list-reports";

export const STATUS_WORDS = {
  received: ["Waiting for review", "amber"],
  acknowledged: ["Reviewed", "blue"],
  actioned: ["Action taken", "green"],
  closed: ["Closed", "slate"],
} as const;

export function ReportStatus({ status }: { status: keyof typeof STATUS_WORDS }) {
  const [label, tone] = STATUS_WORDS[status];
  return (
    <StatusBadge status={status} tone={tone}>
      {label}
    </StatusBadge>
  );
}

/** One 24-hour timer: met, time left, or overdue (red). */
export function Timer({ due, doneAt, now }: { due: Date; doneAt: Date | null; now: Date }) {
  const t = timerState(due, doneAt, now);
  return <span className={t.overdue ? "font-semibold text-red-700" : "text-slate-800"}>{t.label}</span>;
}
