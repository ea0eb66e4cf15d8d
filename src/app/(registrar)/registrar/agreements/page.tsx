/**
 * Reseller agreement versions for registrar staff: the one in force with who accepted it (and when)
 * and who has not yet, earlier versions, and (admins) publishing a new version with its due date.
 */
import type { Metadata } from "next";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { DataTable, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { TextAreaField, TextField } from "@/components/form-field";
import { listAgreementVersions } from "@/server/reseller-agreements/list-agreements";
import { loadRegistrar } from "../_lib/registrar-session";
import { publishResellerAgreement } from "./actions";

export const metadata: Metadata = { title: "Reseller agreements" };

export default async function RegistrarAgreementsPage() {
  const { ctx, canWrite } = await loadRegistrar();
  const versions = await listAgreementVersions(ctx);
  return (
    <>
      <PageHeader
        title="Reseller agreements"
        description="Every reseller's owner accepts the version in force; past its due date an unaccepted reseller's console is read-only."
      />
      {versions.length === 0 && <p className="text-sm text-slate-700">No version has been published yet.</p>}
      {versions.map((v) => (
        <Card
          key={v.id}
          className="mb-6"
          title={`Version ${v.version}${v.inForce ? " (in force)" : ""}: ${v.title}`}
          description={`Published ${v.publishedAt.toISOString().slice(0, 10)}, due ${v.acceptBy.toISOString().slice(0, 10)}`}
        >
          <DataTable caption={`Acceptances of version ${v.version}`} headers={["Reseller", "Accepted by", "When"]}>
            {v.accepted.map((a) => (
              <tr key={a.id}>
                <Td>{a.resellerName}</Td>
                <Td>{a.acceptedByEmail}</Td>
                <Td>
                  <DateTime value={a.acceptedAt} />
                </Td>
              </tr>
            ))}
          </DataTable>
          {v.inForce && v.waiting.length > 0 && (
            <p className="mt-3 text-sm text-slate-800">
              Not accepted yet: {v.waiting.map((r) => r.displayName).join(", ")}
            </p>
          )}
        </Card>
      ))}
      {canWrite && (
        <Card title="Publish a new version" className="max-w-3xl">
          <ActionForm
            action={publishResellerAgreement}
            submitLabel="Publish and tell resellers"
            success="Published. Each reseller's owners were mailed."
            confirm="Publish this version? Every reseller's owners are mailed and must accept it by the date given."
          >
            <TextField name="version" label="Version" required maxLength={32} hint="e.g. 2026-12" />
            <TextField name="title" label="Title" required maxLength={200} />
            <TextField name="acceptBy" label="Accept by (UTC date)" type="date" required />
            <TextAreaField name="summary" label="What changed" rows={3} maxLength={2000} />
            <TextAreaField name="body" label="Agreement text" rows={12} required maxLength={200000} />
          </ActionForm>
        </Card>
      )}
    </>
  );
}
