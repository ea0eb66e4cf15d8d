/**
 * Recent activity as sentences, each linked to what it is about (activity-words.ts). Shared by the
 * reseller dashboard and the registrar's page of one reseller.
 */
import Link from "next/link";
import { activityNote, activitySentence, type ActivityEntry, type ConsoleArea } from "@/lib/activity-words";
import { DateTime } from "./date-time";

export function ActivityList({
  entries,
  area,
  names = {},
}: {
  entries: (ActivityEntry & { seq: bigint; at: Date })[];
  area: ConsoleArea;
  names?: Readonly<Record<string, string>>;
}) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">Nothing has happened yet.</p>;
  return (
    <ol className="divide-y divide-slate-100">
      {entries.map((e) => {
        const s = activitySentence(e, area, names);
        const note = activityNote(e);
        return (
          <li
            key={e.seq.toString()}
            className="flex flex-col gap-1 py-2 sm:flex-row sm:items-baseline sm:justify-between"
          >
            <span className="text-sm text-slate-900">
              {s.lead}
              {s.href ? (
                <Link className="font-medium text-indigo-700 underline underline-offset-4" href={s.href}>
                  {s.subject}
                </Link>
              ) : (
                s.subject
              )}
              {s.tail}
              {note && <span className="block text-slate-600">Reason: {note}</span>}
            </span>
            <span className="shrink-0 text-xs text-slate-600">
              <DateTime value={e.at} />
            </span>
          </li>
        );
      })}
    </ol>
  );
}
