/**
 * Incidents for registrar staff: every incident, open ones first, and (admins) the form that
 * publishes a new one to the status page, every reseller console and each active reseller's owners.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { DataTable, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/form-field";
import { IncidentBadges } from "@/components/incident-bits";
import { INCIDENT_SEVERITIES, SEVERITY_WORDS } from "@/lib/incident-words";
import { listComponents } from "@/server/status/components";
import { listIncidents } from "@/server/status/list-incidents";
import { loadRegistrar } from "../_lib/registrar-session";
import { openIncidentAsRegistrar } from "./actions";

export const metadata: Metadata = { title: "Incidents" };

export default async function RegistrarIncidentsPage() {
  const { ctx, canWrite } = await loadRegistrar();
  const [incidents, components] = await Promise.all([listIncidents(ctx), listComponents()]);
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
          <ActionForm
            action={openIncidentAsRegistrar}
            submitLabel="Publish the incident"
            confirm="Publish this incident? It shows on the status page and in every reseller console, and each active reseller's owners are mailed."
          >
            <TextField
              name="title"
              label="Title"
              required
              maxLength={160}
              hint="e.g. Registrations for .com are delayed"
            />
            <SelectField
              name="severity"
              label="Severity"
              required
              options={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: SEVERITY_WORDS[s] }))}
            />
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">Affected components</legend>
              {components.map((c) => (
                <CheckboxField
                  key={c.key}
                  id={`component-${c.key}`}
                  name="components[]"
                  value={c.key}
                  label={c.label}
                />
              ))}
            </fieldset>
            <TextAreaField
              name="body"
              label="What customers notice"
              required
              rows={4}
              maxLength={5000}
              hint="Shown publicly and mailed: no internal names."
            />
          </ActionForm>
        </Card>
      )}
    </>
  );
}
