/** One bulk reissue of this reseller's certificates: live progress and the result per certificate. */
import type { Metadata } from "next";
import Link from "next/link";
import { CertificateBulkProgress } from "@/components/certificate-bulk-progress";
import { formatDateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { orNotFound } from "@/app/_lib/or-not-found";
import { getBulkReissueJobOrThrow } from "@/server/ssl/views/bulk-reissue-jobs";
import { loadConsole } from "../../../_lib/console-session";

export const metadata: Metadata = { title: "Bulk reissue" };

export default async function ConsoleBulkReissuePage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await loadConsole();
  const { job, subscriptionOf } = await orNotFound(getBulkReissueJobOrThrow(ctx, (await params).id));
  return (
    <>
      <PageHeader
        title="Bulk reissue"
        description={`${job.total} certificate${job.total === 1 ? "" : "s"}, started ${formatDateTime(job.createdAt)}. Each old certificate is revoked as its new one issues.`}
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/console/certificates">
            All certificates
          </Link>
        }
      />
      <CertificateBulkProgress
        job={job}
        certificateHref={(i) => {
          const sub = subscriptionOf.get(i.certificateId);
          return sub ? `/console/certificates/${sub}` : null;
        }}
      />
    </>
  );
}
