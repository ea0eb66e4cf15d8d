/** Nightly reconciliation runs: how many names were compared with the registry, drifted and repaired. */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { SelectField } from "@/components/form-field";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { listReconciliationRuns } from "@/server/domains/queries/reconciliation-report";
import { loadRegistrar } from "../_lib/registrar-session";
import { runReconciliationNow } from "./actions";

export const metadata: Metadata = { title: "Reconciliation" };

export default async function ReconciliationPage() {
  const { ctx, canWrite } = await loadRegistrar();
  const runs = await listReconciliationRuns(ctx);
  return (
    <>
      <PageHeader
        title="Reconciliation"
        description="Each night every domain we sponsor is compared with the registry's record (expiry, statuses, sponsor); drift is reported and repaired."
      />
      {canWrite && (
        <div className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <ActionForm
            action={runReconciliationNow}
            submitLabel="Run now"
            pendingLabel="Comparing with the registry…"
            layout="inline"
          >
            <SelectField
              name="repair"
              label="Mode"
              options={[
                { value: "yes", label: "Report and repair" },
                { value: "no", label: "Report only" },
              ]}
            />
          </ActionForm>
        </div>
      )}
      <DataTable
        caption="Reconciliation runs"
        headers={["Started", "Status", "Checked", "Drifted", "Repaired", "Errors"]}
        empty={runs.length ? undefined : <EmptyState title="No runs yet." />}
      >
        {runs.map((r) => (
          <tr key={r.id}>
            <Td>
              <Link className="text-indigo-700 underline" href={`/registrar/reconciliation/${r.id}`}>
                {r.startedAt.toISOString().replace("T", " ").slice(0, 16)}
              </Link>
            </Td>
            <Td>
              <StatusBadge
                status={r.status}
                tone={r.status === "completed" ? "green" : r.status === "failed" ? "red" : "amber"}
              />
            </Td>
            <Td>{r.checked}</Td>
            <Td>{r.drifted}</Td>
            <Td>{r.repaired}</Td>
            <Td>{r.errors}</Td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
