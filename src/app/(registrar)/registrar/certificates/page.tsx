/**
 * Every reseller's certificates: filter by reseller, state, expiring soon or DCV stuck, keyset pages
 * as the console's list. Registrar admins reissue in bulk across resellers here; auditors only read.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/card";
import { CertificateFilters, certificateListHref, chosenCertificateFilters } from "@/components/certificate-filters";
import { BulkReissueFields, CertificateTable } from "@/components/certificate-table";
import { CursorPager } from "@/components/cursor-pager";
import { DataTable, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { TextField } from "@/components/form-field";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { BULK_JOB_WORDS } from "@/lib/certificate-words";
import { listBulkReissueJobs } from "@/server/ssl/views/bulk-reissue-jobs";
import { listCertificates } from "@/server/ssl/views/list-certificates";
import { ResultForm } from "@/app/(console)/console/domains/_components/result-form";
import { loadRegistrar } from "../_lib/registrar-session";
import { startRegistrarBulkReissue } from "./actions";

export const metadata: Metadata = { title: "Certificates" };

const BASE = "/registrar/certificates";

export default async function RegistrarCertificatesPage({
  searchParams,
}: {
  searchParams: Promise<{ state?: string; attention?: string; reseller?: string; cursor?: string }>;
}) {
  const { ctx, canWrite } = await loadRegistrar();
  const sp = await searchParams;
  const reseller = typeof sp.reseller === "string" && sp.reseller.trim() ? sp.reseller.trim().slice(0, 100) : undefined;
  const values = { ...chosenCertificateFilters(sp), reseller };
  const [{ rows, next }, jobs] = await Promise.all([
    listCertificates(ctx, {
      resellerId: reseller,
      state: values.state,
      attention: values.attention,
      cursor: typeof sp.cursor === "string" ? sp.cursor : undefined,
    }),
    listBulkReissueJobs(ctx),
  ]);
  return (
    <>
      <PageHeader
        title="Certificates"
        description="SSL certificates of every reseller's customers, newest order first."
      />
      <form action={BASE} method="get" className="mb-4 flex flex-wrap items-end gap-3">
        {values.state && <input type="hidden" name="state" value={values.state} />}
        {values.attention && <input type="hidden" name="attention" value={values.attention} />}
        <TextField name="reseller" label="Reseller id" defaultValue={reseller ?? ""} />
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium">
          Filter
        </button>
      </form>
      <CertificateFilters base={BASE} values={values} />
      <CertificateTable
        caption="Certificates across resellers"
        rows={rows}
        base={BASE}
        emptyTitle="No certificates match these filters."
        ownOrder="The reseller's own"
        resellerCell={(c) => (
          <Link className="underline" href={certificateListHref(BASE, { ...values, reseller: c.resellerId })}>
            {c.resellerName}
          </Link>
        )}
      />
      <CursorPager
        firstHref={sp.cursor ? certificateListHref(BASE, values) : null}
        nextHref={next ? certificateListHref(BASE, { ...values, cursor: next }) : null}
      />
      {canWrite && (
        <Card
          className="mt-6"
          title="Bulk reissue across resellers"
          description="Reissue every current certificate that matches, at every reseller or at the one named: on its present key, or with new keys (each customer is mailed a link and the certificate is reissued when they send a new CSR). Every reseller's audit log records it."
        >
          <ResultForm
            action={startRegistrarBulkReissue}
            submitLabel="Reissue matching certificates"
            confirm="Reissue every matching certificate across resellers? The old ones are revoked as each new one issues."
            idPrefix="bulk"
          >
            <TextField
              name="resellerId"
              label="Reseller id"
              hint="Empty: every reseller."
              defaultValue={reseller ?? ""}
            />
            <BulkReissueFields />
          </ResultForm>
        </Card>
      )}
      {jobs.length > 0 && (
        <>
          <h2 className="mt-8 mb-3 text-lg font-semibold text-slate-900">Recent bulk reissues</h2>
          <DataTable caption="Recent bulk reissues" headers={["Started", "Scope", "Progress", "Status"]}>
            {jobs.map((j) => (
              <tr key={j.id}>
                <Td>
                  <Link className="text-indigo-700 underline" href={`${BASE}/bulk/${j.id}`}>
                    <DateTime value={j.createdAt} />
                  </Link>
                </Td>
                <Td>
                  {j.resellerId ? (j.actorKind === "registrar" ? "One reseller" : "Reseller's own") : "Every reseller"}
                </Td>
                <Td>
                  {j.done} / {j.total} ({j.reissued} reissued, {j.waiting} waiting, {j.failed} failed)
                </Td>
                <Td>
                  <StatusBadge status={j.status} tone={BULK_JOB_WORDS[j.status].tone}>
                    {BULK_JOB_WORDS[j.status].label}
                  </StatusBadge>
                </Td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}
