/**
 * Every customer's certificates at this reseller, newest first, filtered by state, expiring soon or
 * DCV stuck; keyset pages. Owners and admins start a bulk reissue here and see the recent ones.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { BULK_JOB_WORDS, REQUEST_WORDS, SUBSCRIPTION_WORDS } from "@/lib/certificate-words";
import { CertificateFilters, certificateListHref } from "@/components/certificate-filters";
import { listCertificates, listCertificatesSchema } from "@/server/ssl/views/list-certificates";
import { listBulkReissueJobs } from "@/server/ssl/views/bulk-reissue-jobs";
import { Card } from "@/components/card";
import { CheckboxField, TextField } from "@/components/form-field";
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
  const state = listCertificatesSchema.shape.state.safeParse(sp.state || undefined);
  const attention = listCertificatesSchema.shape.attention.safeParse(sp.attention || undefined);
  const chosen = state.success ? state.data : undefined;
  const values = { state: chosen, attention: attention.success ? attention.data : undefined };
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
      <DataTable
        caption="Certificates"
        headers={["Names", "Customer", "Status", "Valid until", "Ordered"]}
        empty={rows.length === 0 ? <EmptyState title="No certificates here yet." /> : undefined}
      >
        {rows.map((c) => {
          const w = SUBSCRIPTION_WORDS[c.state];
          return (
            <tr key={c.id} data-testid="certificate-row">
              <Td>
                <Link className="font-medium text-indigo-700 underline" href={`/console/certificates/${c.id}`}>
                  {c.names.join(", ")}
                </Link>
              </Td>
              <Td>{c.registrantEmail ?? "Your own (console order)"}</Td>
              <Td>
                <StatusBadge status={c.state} tone={w.tone}>
                  {w.label}
                </StatusBadge>
                {c.openRequest && c.state !== "pending_dcv" && (
                  <span className="ml-2 text-xs text-slate-600">
                    {REQUEST_WORDS[c.openRequest.state as keyof typeof REQUEST_WORDS]?.label}
                  </span>
                )}
              </Td>
              <Td>
                <DateTime value={c.current?.notAfter} />
              </Td>
              <Td>
                <DateTime value={c.createdAt} />
              </Td>
            </tr>
          );
        })}
      </DataTable>
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
            <TextField
              name="spkiSha256"
              label="Key fingerprint (SHA-256 of the public key)"
              hint="64 hexadecimal digits; colons are fine."
            />
            <TextField
              name="caAdapter"
              label="Certificate authority"
              hint="ca-standin, or acme:… as the certificate's page shows."
            />
            <TextField name="issuedFrom" label="Issued from" type="date" />
            <TextField name="issuedTo" label="Issued until" type="date" />
            <CheckboxField
              name="newKeys"
              label="New keys: ask each customer for a new CSR (mailed a link) and reissue when they send it"
            />
            <CheckboxField
              name="keyCompromise"
              label="With new keys: the keys are compromised, revoke the old certificates now (keyCompromise)"
            />
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
      <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
        {sp.cursor ? (
          <Link className="underline" href={q({})}>
            First page
          </Link>
        ) : (
          <span />
        )}
        {next && (
          <Link className="underline" rel="next" href={q({ cursor: next })}>
            Next
          </Link>
        )}
      </nav>
    </>
  );
}
