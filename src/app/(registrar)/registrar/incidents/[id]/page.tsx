/**
 * One incident for registrar staff: its timeline with who wrote each update, and (admins, while it is
 * open) posting an update or resolving it.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { Card, DetailList } from "@/components/card";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { SelectField, TextAreaField } from "@/components/form-field";
import { IncidentBadges, IncidentTimeline } from "@/components/incident-bits";
import { INCIDENT_STATE_WORDS, OPEN_INCIDENT_STATES, SEVERITY_WORDS } from "@/lib/incident-words";
import { isAppError } from "@/server/errors";
import { getIncident } from "@/server/status/list-incidents";
import { loadRegistrar } from "../../_lib/registrar-session";
import { postIncidentUpdateAsRegistrar, resolveIncidentAsRegistrar } from "../actions";

export const metadata: Metadata = { title: "Incident" };

export default async function RegistrarIncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, canWrite } = await loadRegistrar();
  const incident = await getIncident(ctx, (await params).id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const open = incident.resolvedAt === null;
  return (
    <>
      <PageHeader
        title={incident.title}
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/registrar/incidents">
            All incidents
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Incident">
          <DetailList
            items={[
              { label: "State", value: <IncidentBadges severity={incident.severity} state={incident.state} /> },
              { label: "Severity", value: SEVERITY_WORDS[incident.severity] },
              { label: "Affected", value: incident.componentLabels.join("; ") },
              { label: "Began", value: <DateTime value={incident.openedAt} /> },
              { label: "Resolved", value: <DateTime value={incident.resolvedAt} /> },
            ]}
          />
        </Card>
        <Card title="Updates" description="Newest first, as the status page shows them (without the authors).">
          <IncidentTimeline updates={incident.updates.map((u) => ({ ...u, author: u.authorName }))} />
        </Card>
      </div>
      {canWrite && open && (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <Card title="Post an update">
            <ActionForm
              action={postIncidentUpdateAsRegistrar}
              hidden={{ incidentId: incident.id }}
              submitLabel="Post update"
              success="Posted to the status page."
              idPrefix="update"
            >
              <SelectField
                name="state"
                label="Where things stand"
                required
                defaultValue={incident.state}
                options={OPEN_INCIDENT_STATES.map((s) => ({ value: s, label: INCIDENT_STATE_WORDS[s] }))}
              />
              <TextAreaField name="body" label="Update" required rows={4} maxLength={5000} />
            </ActionForm>
          </Card>
          <Card title="Resolve">
            <ActionForm
              action={resolveIncidentAsRegistrar}
              hidden={{ incidentId: incident.id }}
              submitLabel="Resolve the incident"
              confirm="Resolve this incident? The console banner goes and each active reseller's owners are mailed."
              idPrefix="resolve"
            >
              <TextAreaField name="body" label="What was fixed" required rows={4} maxLength={5000} />
            </ActionForm>
          </Card>
        </div>
      )}
    </>
  );
}
