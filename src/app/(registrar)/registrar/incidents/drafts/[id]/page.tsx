/**
 * One incident draft: admins edit it, publish it (then it is an incident like any other: status page,
 * console banner, mail to owners) or discard it; auditors read it. Published and discarded drafts say
 * so and change no more.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/components/action-form";
import { Card, DetailList } from "@/components/card";
import { DateTime } from "@/components/date-time";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { SEVERITY_WORDS } from "@/lib/incident-words";
import { isAppError } from "@/server/errors";
import { listComponents } from "@/server/status/components";
import { getIncidentDraft } from "@/server/status/list-incidents";
import { loadRegistrar } from "../../../_lib/registrar-session";
import {
  discardIncidentDraftAsRegistrar,
  publishIncidentDraftAsRegistrar,
  saveIncidentDraftAsRegistrar,
} from "../../actions";
import { IncidentFields } from "../../_components/incident-fields";

export const metadata: Metadata = { title: "Incident draft" };

export default async function IncidentDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, canWrite } = await loadRegistrar();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const [draft, components] = await Promise.all([
    getIncidentDraft(ctx, id.data).catch((e: unknown) =>
      isAppError(e) && e.code === "NOT_FOUND" ? null : Promise.reject(e),
    ),
    listComponents(),
  ]);
  if (!draft) notFound();
  const labels = new Map(components.map((c) => [c.key, c.label]));
  const pending = !draft.publishedAt && !draft.discardedAt;
  return (
    <>
      <PageHeader
        title={`Draft: ${draft.title}`}
        description="Not public and not mailed until published."
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/registrar/incidents">
            All incidents
          </Link>
        }
      />
      {draft.publishedAt && (
        <Notice tone="success" role="status" title="Published">
          {draft.incidentId ? (
            <Link className="text-indigo-700 underline" href={`/registrar/incidents/${draft.incidentId}`}>
              Open the incident
            </Link>
          ) : (
            "The incident it became has been removed."
          )}
        </Notice>
      )}
      {draft.discardedAt && (
        <Notice tone="info" role="status" title="Discarded">
          This draft was discarded and was never published.
        </Notice>
      )}
      {!canWrite || !pending ? (
        <Card title="Draft" className="mt-6 max-w-3xl">
          <DetailList
            items={[
              { label: "Title", value: draft.title },
              { label: "Severity", value: SEVERITY_WORDS[draft.severity] },
              { label: "Affected", value: draft.components.map((c) => labels.get(c) ?? c).join("; ") },
              { label: "What customers notice", value: draft.body },
              { label: "Written", value: <DateTime value={draft.createdAt} /> },
              { label: "Written by", value: draft.createdById ? "Staff" : "The health check" },
            ]}
          />
        </Card>
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <Card title="Edit" className="lg:col-span-2">
            <ActionForm
              action={saveIncidentDraftAsRegistrar}
              hidden={{ draftId: draft.id }}
              submitLabel="Save the draft"
              success="Saved. Still a draft."
              idPrefix="draft"
            >
              <IncidentFields components={components} values={draft} />
            </ActionForm>
          </Card>
          <div className="space-y-6">
            <Card title="Publish">
              <p className="mb-3 text-sm text-slate-700">Publishes the saved draft: save your edits first.</p>
              <ActionForm
                action={publishIncidentDraftAsRegistrar}
                hidden={{ draftId: draft.id }}
                submitLabel="Publish the incident"
                confirm="Publish this draft? It shows on the status page and in every reseller console, and each active reseller's owners are mailed."
                idPrefix="publish"
              />
            </Card>
            <Card title="Discard">
              <ActionForm
                action={discardIncidentDraftAsRegistrar}
                hidden={{ draftId: draft.id }}
                submitLabel="Discard the draft"
                variant="danger"
                confirm="Discard this draft? Nothing is published."
                idPrefix="discard"
              />
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
