/** Bulk actions: start one from typed names or a CSV file, and see recent jobs. */
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { listBulkJobs } from "@/server/domains/bulk/get-bulk-job";
import { loadConsole } from "../_lib/console-session";
import { startBulkJob } from "./actions";
import { BulkForm } from "./_components/bulk-form";

export const metadata: Metadata = { title: "Bulk actions" };

export default async function BulkPage() {
  const { ctx, reseller } = await loadConsole();
  const jobs = await listBulkJobs(ctx, reseller.id);
  return (
    <>
      <PageHeader
        title="Bulk actions"
        description="Renew, lock, unlock, set name servers or auto-renew for many domains at once. Each name gets its own result."
      />
      {ctx.role !== "billing" && <BulkForm action={startBulkJob} upload />}
      <h2 className="mt-8 mb-3 text-lg font-semibold text-slate-900">Recent jobs</h2>
      <DataTable
        caption="Recent bulk jobs"
        headers={["Started", "Action", "Progress", "Status"]}
        empty={jobs.length ? undefined : <EmptyState title="No bulk jobs yet." />}
      >
        {jobs.map((j) => (
          <tr key={j.id}>
            <Td>
              <Link className="text-indigo-700 underline" href={`/console/bulk/${j.id}`}>
                {j.createdAt.toISOString().replace("T", " ").slice(0, 16)}
              </Link>
            </Td>
            <Td>{j.action.replaceAll("_", " ")}</Td>
            <Td>
              {j.done} / {j.total} ({j.succeeded} ok, {j.failed} failed)
            </Td>
            <Td>
              <StatusBadge
                status={j.status}
                tone={j.status === "completed" ? (j.failed ? "amber" : "green") : "blue"}
              />
            </Td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
