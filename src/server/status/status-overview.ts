/**
 * What the public status page shows: each component's state (the newest health sample, made worse by
 * any open incident that names it), the open incidents with their updates, and the incidents resolved
 * in the last 14 days. Public: nothing here names a person or an internal setting.
 */
import { db } from "@/server/db";
import { platformNow } from "@/server/domains/lifecycle/clock";
import type { ComponentStateName, IncidentSeverityName, IncidentStateName } from "@/lib/incident-words";
import { listComponents } from "./components";

export const RESOLVED_WINDOW_MS = 14 * 86_400_000;
/** Three missed five-minute runs: the sample no longer says how things are now. */
export const SAMPLE_STALE_MS = 15 * 60_000;

const RANK: Record<ComponentStateName, number> = { unknown: 0, operational: 1, degraded: 2, down: 3 };

export type ComponentStatus = {
  key: string;
  label: string;
  state: ComponentStateName;
  detail: string;
  checkedAt: Date | null;
};

export type PublicIncident = {
  id: string;
  title: string;
  severity: IncidentSeverityName;
  state: IncidentStateName;
  components: string[];
  openedAt: Date;
  resolvedAt: Date | null;
  updates: { id: string; state: IncidentStateName; body: string; at: Date }[];
};

/** An open incident makes each component it names degraded, or down when it is critical. */
export function incidentState(severity: IncidentSeverityName): ComponentStateName {
  return severity === "critical" ? "down" : "degraded";
}

export function worse(a: ComponentStateName, b: ComponentStateName): ComponentStateName {
  if (a === "unknown") return b === "operational" ? "unknown" : b;
  if (b === "unknown") return a === "operational" ? "unknown" : a;
  return RANK[a] >= RANK[b] ? a : b;
}

async function latestSamples(since: Date) {
  return db.$queryRaw<
    { component: string; state: "operational" | "degraded" | "down"; detail: string; checkedAt: Date }[]
  >`
    select distinct on (component) component, state::text as state, detail, "checkedAt"
    from "ComponentHealthSample" where "checkedAt" >= ${since}
    order by component, "checkedAt" desc`;
}

export async function getStatusOverview(now: Date = platformNow()) {
  const [components, samples, incidents] = await Promise.all([
    listComponents(),
    latestSamples(new Date(now.getTime() - SAMPLE_STALE_MS)),
    db.incident.findMany({
      where: { OR: [{ resolvedAt: null }, { resolvedAt: { gte: new Date(now.getTime() - RESOLVED_WINDOW_MS) } }] },
      orderBy: { openedAt: "desc" },
      include: { updates: { orderBy: { at: "desc" }, select: { id: true, state: true, body: true, at: true } } },
    }),
  ]);
  const labels = new Map(components.map((c) => [c.key, c.label]));
  const open = incidents.filter((i) => i.resolvedAt === null);
  const bySample = new Map(samples.map((s) => [s.component, s]));
  const statuses: ComponentStatus[] = components.map((c) => {
    const sample = bySample.get(c.key);
    let state: ComponentStateName = sample?.state ?? "unknown";
    let detail = sample?.detail ?? "No health check has reported in the last 15 minutes.";
    const naming = open.filter((i) => i.components.includes(c.key));
    for (const i of naming) state = worse(state, incidentState(i.severity));
    if (naming.length) detail = `Incident: ${naming.map((i) => i.title).join("; ")}`;
    return { key: c.key, label: c.label, state, detail, checkedAt: sample?.checkedAt ?? null };
  });
  const view = (i: (typeof incidents)[number]): PublicIncident => ({
    id: i.id,
    title: i.title,
    severity: i.severity,
    state: i.state,
    components: i.components.map((c) => labels.get(c) ?? "Other services"),
    openedAt: i.openedAt,
    resolvedAt: i.resolvedAt,
    updates: i.updates,
  });
  const overall = statuses.reduce<ComponentStateName>((acc, s) => worse(acc, s.state), "operational");
  return {
    components: statuses,
    overall,
    open: open.map(view),
    resolved: incidents.filter((i) => i.resolvedAt !== null).map(view),
  };
}
