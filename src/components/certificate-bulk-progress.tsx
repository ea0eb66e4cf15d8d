/**
 * A bulk reissue job's progress bar and its result per certificate, as the domains' bulk job page
 * shows them; the page re-renders itself every second while the job runs. Shared by the reseller
 * console and the registrar console, each linking certificates to its own detail page.
 */
import Link from "next/link";
import type { CertificateBulkJob, CertificateBulkJobItem } from "@/generated/prisma/client";
import { AutoRefresh } from "@/components/auto-refresh";
import { DataTable, Td } from "@/components/data-table";
import { StatusBadge } from "@/components/status-badge";
import { BULK_JOB_WORDS, BULK_OUTCOME_WORDS } from "@/lib/certificate-words";

export function CertificateBulkProgress({
  job,
  certificateHref,
  resellerNames,
}: {
  job: CertificateBulkJob & { items: CertificateBulkJobItem[] };
  /** The detail page of the subscription a certificate belongs to, when the caller knows it. */
  certificateHref: (item: CertificateBulkJobItem) => string | null;
  /** Shown as a column when the job spans resellers. */
  resellerNames?: Map<string, string>;
}) {
  const running = job.status === "queued" || job.status === "running";
  const pct = job.total ? Math.round((job.done / job.total) * 100) : 100;
  const status = BULK_JOB_WORDS[job.status];
  return (
    <div className="space-y-6">
      {running && <AutoRefresh everyMs={1_000} />}
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="mb-2 flex flex-wrap justify-between gap-2 text-sm text-slate-700">
          <span id="bulk-progress-label">
            <StatusBadge status={job.status} tone={status.tone}>
              {status.label}
            </StatusBadge>{" "}
            {job.done} of {job.total} certificates
          </span>
          <span>
            {job.reissued} reissued · {job.waiting} waiting for the CA · {job.failed} failed
          </span>
        </div>
        <div
          role="progressbar"
          aria-labelledby="bulk-progress-label"
          aria-valuemin={0}
          aria-valuemax={job.total}
          aria-valuenow={job.done}
          className="h-4 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className={`h-full ${job.failed ? "bg-amber-500" : "bg-indigo-700"} transition-all`}
            style={{ width: `${pct}%` }}
          />
        </div>
      </div>
      <DataTable
        caption="Result per certificate"
        headers={["Names", ...(resellerNames ? ["Reseller"] : []), "Result", "Message"]}
      >
        {job.items.map((i) => {
          const w = BULK_OUTCOME_WORDS[i.outcome];
          const href = certificateHref(i);
          return (
            <tr key={i.id} data-testid="bulk-certificate-row">
              <Td>
                {href ? (
                  <Link className="text-indigo-700 underline" href={href}>
                    {i.names.join(", ")}
                  </Link>
                ) : (
                  i.names.join(", ")
                )}
              </Td>
              {resellerNames && <Td>{resellerNames.get(i.resellerId) ?? i.resellerId}</Td>}
              <Td>
                <StatusBadge status={i.outcome} tone={w.tone}>
                  {w.label}
                </StatusBadge>
              </Td>
              <Td className="max-w-lg break-words">{i.message || "—"}</Td>
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
