"use client";
/** Polls the job every second while it runs; the bar and the per-name table update in place. */
import { useEffect, useState } from "react";
import { DataTable, Td } from "@/components/data-table";
import { StatusBadge } from "@/components/status-badge";
import type { BulkView } from "./bulk-view";

export function BulkProgress({ initial }: { initial: BulkView }) {
  const [job, setJob] = useState(initial);
  const running = job.status === "queued" || job.status === "running";
  useEffect(() => {
    if (!running) return;
    const t = setInterval(async () => {
      const res = await fetch(`/api/console/bulk/${job.id}`, { cache: "no-store" });
      if (res.ok) setJob((await res.json()) as BulkView);
    }, 1_000);
    return () => clearInterval(t);
  }, [running, job.id]);
  const pct = job.total ? Math.round((job.done / job.total) * 100) : 100;
  return (
    <div className="space-y-6">
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="mb-2 flex justify-between text-sm text-slate-700">
          <span id="bulk-progress-label">
            {running ? "Working…" : "Finished"} {job.done} of {job.total}
          </span>
          <span>
            {job.succeeded} succeeded · {job.failed} failed
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
      <DataTable caption="Result per name" headers={["Domain", "Result", "Registry code", "Message"]}>
        {job.items.map((i) => (
          <tr key={i.name}>
            <Td>{i.name}</Td>
            <Td>
              <StatusBadge
                status={i.status}
                tone={i.status === "succeeded" ? "green" : i.status === "failed" ? "red" : "amber"}
              />
            </Td>
            <Td>{i.code ?? "—"}</Td>
            <Td className="max-w-lg break-words">{i.message || "—"}</Td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
