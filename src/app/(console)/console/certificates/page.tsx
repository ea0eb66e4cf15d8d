/**
 * Every customer's certificates at this reseller, newest first, filtered by state, expiring soon or
 * DCV stuck; keyset pages. Owners and admins start a bulk reissue here and see the recent ones.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { BULK_JOB_WORDS } from "@/lib/certificate-words";
import { CertificateFilters, certificateListHref, chosenCertificateFilters } from "@/components/certificate-filters";
import { BulkReissueFields, CertificateTable } from "@/components/certificate-table";
import { CursorPager } from "@/components/cursor-pager";
import { listCertificates } from "@/server/ssl/views/list-certificates";
import { listBulkReissueJobs } from "@/server/ssl/views/bulk-reissue-jobs";
import { Card } from "@/components/card";
import { loadConsole } from "../_lib/console-session";
import { ResultForm } from "../domains/_components/result-form";
import { bulkReissueAction } from "./actions";

export const metadata: Metadata = { title: "Certificates" };

export default async function CertificatesPage({
  searchParams,
}: {
  searchParams: Promise<{ state?: string; attention?: string; cursor?: string }>;
}) {
  const { ctx, reseller, canManage } = await loadConsole();
  const sp = await searchParams;
  const values = chosenCertificateFilters(sp);
  const [{ rows, next }, jobs] = await Promise.all([
    listCertificates(ctx, {
      resellerId: reseller.id,
      ...values,
      cursor: typeof sp.cursor === "string" ? sp.cursor : undefined,
    }),
    canManage ? listBulkReissueJobs(ctx, reseller.id) : [],
  ]);
  const q = (extra: { cursor?: string }) => certificateListHref("/console/certificates", { ...values, ...extra });
  return (
    <>
      <PageHeader title="Certificates" description="Your customers' SSL certificates, newest order first." />
      <CertificateFilters base="/console/certificates" values={values} />
      <CertificateTable
        caption="Certificates"
        rows={rows}
        base="/console/certificates"
        emptyTitle="No certificates here yet."
        ownOrder="Your own (console order)"
      />
      {canManage && (
        <Card
          className="mt-6"
          title="Bulk reissue"
          description="Reissue every current certificate that matches. On its present key after a CA incident or a bad batch; with new keys after a key compromise, each customer is mailed a link and the certificate is reissued when they send a new CSR."
        >
          <ResultForm
            action={bulkReissueAction}
            submitLabel="Reissue matching certificates"
            confirm="Reissue every matching certificate? The old ones are revoked as each new one issues."
            idPrefix="bulk"
          >
            <BulkReissueFields />
          </ResultForm>
          {jobs.length > 0 && (
            <ul className="mt-4 space-y-1 text-sm" aria-label="Recent bulk reissues">
              {jobs.map((j) => (
                <li key={j.id}>
                  <Link className="text-indigo-700 underline" href={`/console/certificates/bulk/${j.id}`}>
                    <DateTime value={j.createdAt} />
                  </Link>{" "}
                  {BULK_JOB_WORDS[j.status].label}: {j.reissued} of {j.total} reissued, {j.failed} failed
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <CursorPager firstHref={sp.cursor ? q({}) : null} nextHref={next ? q({ cursor: next }) : null} />
    </>
  );
}
