/** Writing an incident as a draft: saved for staff to review, not public and not mailed until published. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { listComponents } from "@/server/status/components";
import { loadRegistrar } from "../../../_lib/registrar-session";
import { saveIncidentDraftAsRegistrar } from "../../actions";
import { IncidentFields } from "../../_components/incident-fields";

export const metadata: Metadata = { title: "New incident draft" };

export default async function NewIncidentDraftPage() {
  const { canWrite } = await loadRegistrar();
  if (!canWrite) notFound();
  const components = await listComponents();
  return (
    <>
      <PageHeader
        title="New incident draft"
        description="A draft shows nowhere outside the registrar console and mails nobody until it is published."
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/registrar/incidents">
            All incidents
          </Link>
        }
      />
      <Card className="max-w-3xl">
        <ActionForm action={saveIncidentDraftAsRegistrar} submitLabel="Save the draft">
          <IncidentFields components={components} />
        </ActionForm>
      </Card>
    </>
  );
}
