/** One bulk job: a live progress bar and the result for each name (the page polls until it ends). */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { isAppError } from "@/server/errors";
import { getBulkJobOrThrow } from "@/server/domains/bulk/get-bulk-job";
import { loadConsole } from "../../_lib/console-session";
import { BulkProgress } from "./_components/bulk-progress";
import { toView } from "./_components/bulk-view";

export const metadata: Metadata = { title: "Bulk job" };

export default async function BulkJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await loadConsole();
  const job = await getBulkJobOrThrow(ctx, (await params).id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <>
      <PageHeader
        title={`Bulk ${job.action.replaceAll("_", " ")}`}
        description={`${job.total} name${job.total === 1 ? "" : "s"}, started ${job.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC.`}
      />
      <BulkProgress initial={toView(job)} />
    </>
  );
}
