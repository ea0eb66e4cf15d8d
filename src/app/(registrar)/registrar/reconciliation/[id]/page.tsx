/** One reconciliation run's findings: what we had, what the registry had, and whether it was repaired. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { isAppError } from "@/server/errors";
import { getReconciliationRun } from "@/server/domains/queries/reconciliation-report";
import { loadRegistrar } from "../../_lib/registrar-session";

export const metadata: Metadata = { title: "Reconciliation run" };

export default async function ReconciliationRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await loadRegistrar();
  const run = await getReconciliationRun(ctx, (await params).id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <>
      <PageHeader
        title="Reconciliation run"
        description={`${run.startedAt.toISOString().replace("T", " ").slice(0, 16)} UTC · ${run.checked} checked · ${run.drifted} drifted · ${run.repaired} repaired · ${run.errors} errors`}
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/registrar/reconciliation">
            All runs
          </Link>
        }
      />
      <DataTable
        caption="Drift findings"
        headers={["Domain", "Field", "Ours", "Registry", "Repaired"]}
        empty={run.findings.length ? undefined : <EmptyState title="No drift: every domain matched the registry." />}
      >
        {run.findings.map((f) => (
          <tr key={f.id}>
            <Td>
              <Link className="text-indigo-700 underline" href={`/registrar/domains/${f.domainId}`}>
                {f.domainName}
              </Link>
            </Td>
            <Td>{f.field}</Td>
            <Td className="break-words">{f.ours}</Td>
            <Td className="break-words">{f.theirs}</Td>
            <Td>{f.repaired ? "yes" : "no"}</Td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
