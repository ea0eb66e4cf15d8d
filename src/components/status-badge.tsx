/**
 * A small coloured label for statuses (reseller, application, host verification, mail). Without
 * children it shows the status in words from status-words.ts, never the raw value.
 */
import { statusWords } from "@/lib/status-words";

const TONES = {
  green: "bg-green-100 text-green-900 ring-green-600/30",
  amber: "bg-amber-100 text-amber-900 ring-amber-600/30",
  red: "bg-red-100 text-red-900 ring-red-600/30",
  slate: "bg-slate-100 text-slate-800 ring-slate-500/30",
  blue: "bg-sky-100 text-sky-900 ring-sky-600/30",
} as const;

export type BadgeTone = keyof typeof TONES;

export function StatusBadge({
  status,
  tone,
  children,
}: {
  status: string;
  tone?: BadgeTone;
  children?: React.ReactNode;
}) {
  const words = statusWords(status);
  const t = tone ?? words.tone;
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[t]}`}
    >
      {children ?? words.label}
    </span>
  );
}
