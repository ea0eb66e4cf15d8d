/**
 * The consoles' certificate lists (the reseller's and the registrar's): names linking to the
 * certificate's page, the customer, the state in words with an open request beside it, and the dates.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { CheckboxField, TextField } from "@/components/form-field";
import { StatusBadge } from "@/components/status-badge";
import { REQUEST_WORDS, SUBSCRIPTION_WORDS } from "@/lib/certificate-words";
import type { CertificateListRow } from "@/server/ssl/views/list-certificates";

export function CertificateTable({
  caption,
  rows,
  base,
  emptyTitle,
  ownOrder,
  resellerCell,
}: {
  caption: string;
  rows: CertificateListRow[];
  /** The list's address; a certificate's page is below it. */
  base: string;
  emptyTitle: string;
  /** The customer cell of a certificate the reseller ordered for itself. */
  ownOrder: string;
  /** The registrar's list adds a reseller column. */
  resellerCell?: (c: CertificateListRow) => ReactNode;
}) {
  const headers = ["Names", ...(resellerCell ? ["Reseller"] : []), "Customer", "Status", "Valid until", "Ordered"];
  return (
    <DataTable
      caption={caption}
      headers={headers}
      empty={rows.length === 0 ? <EmptyState title={emptyTitle} /> : undefined}
    >
      {rows.map((c) => {
        const w = SUBSCRIPTION_WORDS[c.state];
        return (
          <tr key={c.id} data-testid="certificate-row">
            <Td>
              <Link className="font-medium text-indigo-700 underline" href={`${base}/${c.id}`}>
                {c.names.join(", ")}
              </Link>
            </Td>
            {resellerCell && <Td>{resellerCell(c)}</Td>}
            <Td>{c.registrantEmail ?? ownOrder}</Td>
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
  );
}

/** What a bulk reissue selects certificates by, and whether it moves them to new keys. */
export function BulkReissueFields() {
  return (
    <>
      <TextField
        name="spkiSha256"
        label="Key fingerprint (SHA-256 of the public key)"
        hint="64 hexadecimal digits; colons are fine."
      />
      <TextField
        name="caAdapter"
        label="Certificate authority"
        hint="ca-standin, or acme:… as a certificate's page shows."
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
    </>
  );
}
