/**
 * Incidents for registrar staff: drafts waiting for review, every incident, open ones first, and
 * (admins) the form that publishes a new one to the status page, every reseller console and each
 * active reseller's owners.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { DataTable, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { IncidentBadges } from "@/components/incident-bits";
import { SEVERITY_LABELS } from "@/lib/incident-words";
import { listComponents } from "@/server/status/components";
import { listIncidentDrafts, listIncidents } from "@/server/status/list-incidents";
import { loadRegistrar } from "../_lib/registrar-session";
import { openIncidentAsRegistrar } from "./actions";
import { IncidentFields } from "./_components/incident-fields";

export const metadata: Metadata = { title: "Incidents" };

export default async function RegistrarIncidentsPage() {
  const { ctx, canWrite } = await loadRegistrar();
  const [incidents, drafts, components] = await Promise.all([
    listIncidents(ctx),
    listIncidentDrafts(ctx),
    listComponents(),
  ]);
  const labels = new Map(components.map((c) => [c.key, c.label]));
  return (
    <>
      <PageHeader
        title="Incidents"
        description="What the public status page and every reseller console show while something is wrong."
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/status">
            Public status page
          </Link>
        }
      />
      {drafts.length > 0 && (
        <Card
          title="Drafts"
          className="mb-6"
          description="Not public and not mailed until published. The health checks write one when a component turns to an outage."
        >
          <DataTable caption="Incident drafts" headers={["Draft", "Severity", "Affected", "Written", "By"]}>
            {drafts.map((d) => (
              <tr key={d.id}>
                <Td>
                  <Link className="font-medium text-indigo-700 underline" href={`/registrar/incidents/drafts/${d.id}`}>
                    {d.title}
                  </Link>
                </Td>
                <Td>{SEVERITY_LABELS[d.severity]}</Td>
                <Td>{d.components.map((c) => labels.get(c) ?? c).join("; ")}</Td>
                <Td>
                  <DateTime value={d.createdAt} />
                </Td>
                <Td>{d.createdById ? "Staff" : "Health check"}</Td>
              </tr>
            ))}
          </DataTable>
        </Card>
      )}
      <DataTable
        caption="Incidents"
        headers={["Incident", "State", "Affected", "Began", "Resolved"]}
        empty={incidents.length === 0 ? <p className="p-4 text-sm text-slate-700">No incidents yet.</p> : undefined}
      >
        {incidents.map((i) => (
          <tr key={i.id}>
            <Td>
              <Link className="font-medium text-indigo-700 underline" href={`/registrar/incidents/${i.id}`}>
                {i.title}
              </Link>
            </Td>
            <Td>
              <IncidentBadges severity={i.severity} state={i.state} />
            </Td>
            <Td>{i.components.map((c) => labels.get(c) ?? c).join("; ")}</Td>
            <Td>
              <DateTime value={i.openedAt} />
            </Td>
            <Td>
              <DateTime value={i.resolvedAt} />
            </Td>
          </tr>
        ))}
      </DataTable>
      {canWrite && (
        <Card title="Open an incident" className="mt-6 max-w-3xl">
          <p className="mb-4 text-sm text-slate-700">
            Not ready to publish?{" "}
            <Link className="font-medium text-indigo-700 underline" href="/registrar/incidents/drafts/new">
              Write a draft instead
            </Link>
          </p>
          <ActionForm
            action={openIncidentAsRegistrar}
            submitLabel="Publish the incident"
            confirm="Publish this incident? It shows on the status page and in every reseller console, and each active reseller's owners are mailed."
          >
            <IncidentFields components={components} />
          </ActionForm>
        </Card>
      )}
    </>
  );
}
