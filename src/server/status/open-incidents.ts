/**
 * The open incidents every reseller console page shows as a banner. The console layout renders on
 * every page, so the list comes from the process's tagged cache: a trigger on the incident tables
 * notifies "incidents" at commit and every process drops the entry (decisions 103, 114).
 */
import { db } from "@/server/db";
import { ensureCacheListener } from "@/server/cache/listen";
import { taggedCache } from "@/server/cache/tagged-cache";
import type { IncidentSeverityName, IncidentStateName } from "@/lib/incident-words";

export type OpenIncidentBanner = {
  id: string;
  title: string;
  severity: IncidentSeverityName;
  state: IncidentStateName;
  openedAt: Date;
};

async function loadOpenIncidents(): Promise<OpenIncidentBanner[]> {
  return db.incident.findMany({
    where: { resolvedAt: null },
    orderBy: { openedAt: "desc" },
    take: 5,
    select: { id: true, title: true, severity: true, state: true, openedAt: true },
  });
}

const openCache = taggedCache<OpenIncidentBanner[]>({ tags: () => ["incidents"], max: 1 });

export function openIncidentsForBanner(): Promise<OpenIncidentBanner[]> {
  ensureCacheListener();
  return openCache.get("open", loadOpenIncidents);
}
