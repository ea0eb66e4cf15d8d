/**
 * The platform's public status page on the console host: each component's state from the health
 * checks and open incidents, the incidents open now with their updates, and those resolved in the
 * last 14 days (docs/decisions/114-status-page-and-incidents.md).
 */
import type { Metadata } from "next";
import { PlatformHeader } from "@/components/platform-header";
import { ComponentStateBadge, IncidentBadges, IncidentTimeline } from "@/components/incident-bits";
import { DateTime } from "@/components/date-time";
import { COMPONENT_STATE_WORDS } from "@/lib/incident-words";
import { getStatusOverview, type PublicIncident } from "@/server/status/status-overview";

export const metadata: Metadata = { title: "Service status" };

const OVERALL: Record<string, string> = {
  operational: "All systems operational",
  degraded: "Some systems are degraded",
  down: "Some systems are down",
  unknown: "Status not checked recently",
};

function IncidentCard({ incident, headingId }: { incident: PublicIncident; headingId: string }) {
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h3 id={headingId} className="text-base font-semibold text-slate-900">
        {incident.title}
      </h3>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <IncidentBadges severity={incident.severity} state={incident.state} />
        <span>
          Began <DateTime value={incident.openedAt} />
          {incident.resolvedAt && (
            <>
              , resolved <DateTime value={incident.resolvedAt} />
            </>
          )}
        </span>
      </div>
      <p className="mt-2 text-sm text-slate-700">Affected: {incident.components.join("; ")}</p>
      <div className="mt-4">
        <IncidentTimeline updates={incident.updates} />
      </div>
    </article>
  );
}

export default async function StatusPage() {
  const status = await getStatusOverview();
  return (
    <div className="min-h-screen bg-slate-50">
      <PlatformHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl space-y-8 px-4 py-10 text-slate-900 sm:px-6">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Service status</h1>
          <p className="mt-2 text-lg" role="status">
            {OVERALL[status.overall]}
          </p>
        </div>
        <section aria-labelledby="components">
          <h2 id="components" className="text-xl font-semibold">
            Components
          </h2>
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
            {status.components.map((c) => (
              <li key={c.key} className="flex flex-wrap items-start justify-between gap-2 px-4 py-3">
                <div>
                  <p className="font-medium">{c.label}</p>
                  <p className="text-sm text-slate-600">{c.detail}</p>
                </div>
                <span aria-label={`${c.label}: ${COMPONENT_STATE_WORDS[c.state]}`}>
                  <ComponentStateBadge state={c.state} />
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="open-incidents" className="space-y-3">
          <h2 id="open-incidents" className="text-xl font-semibold">
            Open incidents
          </h2>
          {status.open.length === 0 && <p className="text-sm text-slate-700">No open incidents.</p>}
          {status.open.map((i) => (
            <IncidentCard key={i.id} incident={i} headingId={`incident-${i.id}`} />
          ))}
        </section>
        <section aria-labelledby="past-incidents" className="space-y-3">
          <h2 id="past-incidents" className="text-xl font-semibold">
            Resolved in the last 14 days
          </h2>
          {status.resolved.length === 0 && <p className="text-sm text-slate-700">None.</p>}
          {status.resolved.map((i) => (
            <IncidentCard key={i.id} incident={i} headingId={`incident-${i.id}`} />
          ))}
        </section>
      </main>
    </div>
  );
}
