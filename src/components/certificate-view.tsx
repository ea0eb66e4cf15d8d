/**
 * One certificate subscription as the storefront and the console show it: what was bought, the
 * request under way with its DCV challenges (who publishes each record, and what to publish when it
 * is the registrant), the current certificate with its downloads, and every certificate of the term.
 * The pages add their own actions (reissue, revoke, check now) through `actions`.
 */
import type { CertificateDetail } from "@/server/ssl/views/get-certificate-detail";
import {
  CERTIFICATE_WORDS,
  CHALLENGE_WORDS,
  DCV_METHOD_WORDS,
  PURPOSE_WORDS,
  REQUEST_WORDS,
  SUBSCRIPTION_WORDS,
  revocationReasonWords,
} from "@/lib/certificate-words";
import { Card, DetailList } from "./card";
import { DataTable, Td } from "./data-table";
import { DateTime } from "./date-time";
import { StatusBadge } from "./status-badge";

const download = (certificateId: string, part: string) => `/api/certificates/${certificateId}?part=${part}`;

function DcvProgress({ request }: { request: CertificateDetail["requests"][number] }) {
  const words = REQUEST_WORDS[request.state];
  return (
    <Card
      title={`${PURPOSE_WORDS[request.purpose] ?? "Request"}: ${words.label.toLowerCase()}`}
      description={`Domain control validation by ${DCV_METHOD_WORDS[request.dcvMethod] ?? request.dcvMethod}.`}
    >
      <ul className="space-y-3" aria-label="Domain control validation" data-testid="dcv-progress">
        {request.dcv.length === 0 && (
          <li className="text-sm">The order is being placed with the certificate authority.</li>
        )}
        {request.dcv.map((c) => {
          const cw = CHALLENGE_WORDS[c.state] ?? CHALLENGE_WORDS.pending;
          return (
            <li key={`${c.name}|${c.dnsRecordValue ?? ""}`} className="space-y-1 text-sm" data-state={c.state}>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{c.name}</span>
                <StatusBadge status={c.state} tone={cw.tone}>
                  {cw.label}
                </StatusBadge>
              </p>
              {c.state !== "valid" && c.publishedBy === "platform" && (
                <p>We publish this record in your DNS for you: nothing to do.</p>
              )}
              {c.state !== "valid" && c.publishedBy !== "platform" && c.method === "dns-txt" && (
                <p>
                  Publish a TXT record named <code className="break-all">{c.dnsRecordName}</code> with the value{" "}
                  <code className="break-all">{c.dnsRecordValue}</code> at your DNS host.
                </p>
              )}
              {c.state !== "valid" && c.method === "http-file" && (
                <p>
                  Serve <code className="break-all">{c.httpBody}</code> at{" "}
                  <code className="break-all">
                    http://{c.name}
                    {c.httpPath}
                  </code>
                  .
                </p>
              )}
              {c.state !== "valid" && c.method === "email" && (
                <p>The certificate authority mailed {c.emailAddress ?? "the address you chose"}: open its link.</p>
              )}
              {c.error && <p className="text-red-800">Last check: {c.error}</p>}
            </li>
          );
        })}
      </ul>
      {request.lastPolledAt && (
        <p className="mt-3 text-xs text-slate-600">
          Last checked <DateTime value={request.lastPolledAt} />; we check again every minute.
        </p>
      )}
    </Card>
  );
}

export function CertificateView({ detail, actions }: { detail: CertificateDetail; actions?: React.ReactNode }) {
  const { subscription: sub, current, certificates } = detail;
  const open = detail.requests.find((r) => r.open);
  const refused = detail.requests.find((r) => r.state === "rejected");
  const state = SUBSCRIPTION_WORDS[sub.state];
  return (
    <div className="space-y-6 text-slate-900">
      <Card title="Certificate">
        <DetailList
          items={[
            {
              label: "Status",
              value: (
                <span data-testid="certificate-state" data-state={sub.state}>
                  <StatusBadge status={sub.state} tone={state.tone}>
                    {state.label}
                  </StatusBadge>
                </span>
              ),
            },
            { label: "Product", value: detail.productName },
            { label: "Names", value: sub.names.join(", ") },
            { label: "Term", value: `${sub.termYears} ${sub.termYears === 1 ? "year" : "years"}` },
            { label: "Term ends", value: <DateTime value={sub.termEndsAt} /> },
            { label: "Next replacement", value: <DateTime value={sub.nextReplacementAt} /> },
          ]}
        />
        {sub.state === "failed" && refused?.rejectionReason && (
          <p className="mt-3 text-sm text-red-800">The certificate authority refused: {refused.rejectionReason}</p>
        )}
      </Card>
      {open && <DcvProgress request={open} />}
      {current && (
        <Card title="Current certificate" description="Install the certificate with its chain (the full chain file).">
          <DetailList
            items={[
              { label: "Serial number", value: <code data-testid="current-serial">{current.serialNumber}</code> },
              { label: "Certificate authority", value: current.caAdapter },
              { label: "Valid from", value: <DateTime value={current.notBefore} /> },
              { label: "Valid until", value: <DateTime value={current.notAfter} /> },
              {
                label: "Key (SHA-256 of the public key)",
                value: <code className="break-all">{current.spkiSha256}</code>,
              },
            ]}
          />
          <ul className="mt-4 flex flex-wrap gap-3 text-sm font-medium">
            <li>
              <a className="underline" href={download(current.id, "fullchain")} download>
                Download certificate and chain (PEM)
              </a>
            </li>
            <li>
              <a className="underline" href={download(current.id, "certificate")} download>
                Certificate only (PEM)
              </a>
            </li>
            <li>
              <a className="underline" href={download(current.id, "chain")} download>
                Chain only (PEM)
              </a>
            </li>
          </ul>
        </Card>
      )}
      {actions}
      <section aria-labelledby="certificates-heading">
        <h2 id="certificates-heading" className="mb-3 text-lg font-semibold">
          Certificates of this term
        </h2>
        <DataTable caption="Certificates of this term" headers={["Serial number", "Status", "Valid until", "Note"]}>
          {certificates.map((c) => {
            const w = CERTIFICATE_WORDS[c.status];
            return (
              <tr key={c.id} data-testid="certificate-row" data-serial={c.serialNumber} data-status={c.status}>
                <Td>
                  <code>{c.serialNumber}</code>
                </Td>
                <Td>
                  <StatusBadge status={c.status} tone={w.tone}>
                    {c.revokeRequestedAt && !c.revokedAt ? "Revocation requested" : w.label}
                  </StatusBadge>
                </Td>
                <Td>
                  <DateTime value={c.notAfter} />
                </Td>
                <Td>{c.revocationReason ? revocationReasonWords(c.revocationReason) : (w.detail ?? "")}</Td>
              </tr>
            );
          })}
        </DataTable>
        {certificates.length === 0 && (
          <p className="mt-2 text-sm text-slate-600">No certificate has been issued yet.</p>
        )}
      </section>
    </div>
  );
}
