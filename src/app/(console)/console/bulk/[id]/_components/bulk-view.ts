/** The JSON shape of a bulk job that the progress component renders and its polling route returns. */
import type { BulkJob, BulkJobItem } from "@/generated/prisma/client";

export type BulkView = {
  id: string;
  status: string;
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  items: { name: string; status: string; code: number | null; message: string }[];
};

export function toView(job: BulkJob & { items: BulkJobItem[] }): BulkView {
  return {
    id: job.id,
    status: job.status,
    total: job.total,
    done: job.done,
    succeeded: job.succeeded,
    failed: job.failed,
    items: job.items.map((i) => ({ name: i.domainName, status: i.status, code: i.code, message: i.message })),
  };
}
