/** Badges and the update timeline shared by the public status page and the registrar's incident pages. */
import { StatusBadge, type BadgeTone } from "./status-badge";
import { DateTime } from "./date-time";
import {
  COMPONENT_STATE_WORDS,
  INCIDENT_STATE_WORDS,
  SEVERITY_LABELS,
  type ComponentStateName,
  type IncidentSeverityName,
  type IncidentStateName,
} from "@/lib/incident-words";

const COMPONENT_TONES: Record<ComponentStateName, BadgeTone> = {
  operational: "green",
  degraded: "amber",
  down: "red",
  unknown: "slate",
};
const SEVERITY_TONES: Record<IncidentSeverityName, BadgeTone> = { minor: "amber", major: "red", critical: "red" };

export function ComponentStateBadge({ state }: { state: ComponentStateName }) {
  return (
    <StatusBadge status={state} tone={COMPONENT_TONES[state]}>
      {COMPONENT_STATE_WORDS[state]}
    </StatusBadge>
  );
}

export function IncidentBadges({ severity, state }: { severity: IncidentSeverityName; state: IncidentStateName }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <StatusBadge status={severity} tone={SEVERITY_TONES[severity]}>
        {SEVERITY_LABELS[severity]}
      </StatusBadge>
      <StatusBadge status={state} tone={state === "resolved" ? "green" : "blue"}>
        {INCIDENT_STATE_WORDS[state]}
      </StatusBadge>
    </span>
  );
}

/** Newest first; `author` only on the registrar's pages, never on the public one. */
export function IncidentTimeline({
  updates,
}: {
  updates: { id: string; state: IncidentStateName; body: string; at: Date; author?: string }[];
}) {
  return (
    <ol className="space-y-3">
      {updates.map((u) => (
        <li key={u.id} className="border-l-2 border-slate-200 pl-3 text-sm">
          <p className="font-medium text-slate-900">
            {INCIDENT_STATE_WORDS[u.state]} · <DateTime value={u.at} />
            {u.author && <span className="font-normal text-slate-600"> · {u.author}</span>}
          </p>
          <p className="mt-1 whitespace-pre-wrap text-slate-800">{u.body}</p>
        </li>
      ))}
    </ol>
  );
}
