/** One bulk reissue seen by registrar staff: live progress and the result per certificate, with its reseller. */
import type { Metadata } from "next";
import Link from "next/link";
import { CertificateBulkProgress } from "@/components/certificate-bulk-progress";
import { formatDateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { orNotFound } from "@/app/_lib/or-not-found";
import { getBulkReissueJobOrThrow } from "@/server/ssl/views/bulk-reissue-jobs";
import { loadRegistrar } from "../../../_lib/registrar-session";

export const metadata: Metadata = { title: "Bulk reissue" };

export default async function RegistrarBulkReissuePage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await loadRegistrar();
  const { job, subscriptionOf, resellerNames } = await orNotFound(getBulkReissueJobOrThrow(ctx, (await params).id));
  return (
    <>
      <PageHeader
        title={job.resellerId ? "Bulk reissue (one reseller)" : "Bulk reissue across resellers"}
        description={`${job.total} certificate${job.total === 1 ? "" : "s"}, started ${formatDateTime(job.createdAt)}. Each old certificate is revoked as its new one issues.`}
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/registrar/certificates">
            All certificates
          </Link>
        }
      />
      <CertificateBulkProgress
        job={job}
        resellerNames={resellerNames}
        certificateHref={(i) => {
          const sub = subscriptionOf.get(i.certificateId);
          return sub ? `/registrar/certificates/${sub}` : null;
        }}
      />
    </>
  );
}
