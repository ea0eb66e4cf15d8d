/**
 * One of the registrant's certificates: validation progress (refreshing itself while a request is
 * open), downloads, reissue with a new CSR or a key made in the browser, revocation, and "check now" for DCV.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/auto-refresh";
import { Card } from "@/components/card";
import { BrowserKeyMaker } from "@/components/browser-key-maker";
import { CertificateView } from "@/components/certificate-view";
import { CheckboxField, SelectField, TextAreaField } from "@/components/form-field";
import { REVOCATION_REASONS } from "@/lib/certificate-words";
import { ResultForm } from "@/app/(console)/console/domains/_components/result-form";
import { requireSession } from "@/server/auth/require-context";
import { isAppError } from "@/server/errors";
import { getCertificateDetail } from "@/server/ssl/views/get-certificate-detail";
import { loadStorefront } from "../../../_lib/storefront";
import { checkOwnCertificateNow, reissueOwnCertificate, revokeOwnCertificate } from "../actions";

export const metadata: Metadata = { title: "Certificate" };

export default async function AccountCertificatePage({ params }: { params: Promise<{ host: string; id: string }> }) {
  const p = await params;
  await loadStorefront(p.host);
  const { ctx } = await requireSession("storefront", { next: "/account/certificates" });
  const detail = await getCertificateDetail(ctx, p.id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const open = detail.requests.find((r) => r.open);
  const { current } = detail;
  const ended = detail.subscription.termEndsAt !== null && detail.subscription.termEndsAt < new Date();
  // Revoked for an exposed key (by the customer, or the reseller asking for new keys): reissued to a new key here.
  const latest = detail.certificates[0];
  const compromised = !current && latest?.revocationReason === "keyCompromise" && !latest.replacedById;
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-10 sm:px-6">
      {detail.moving && <AutoRefresh />}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">{detail.subscription.names[0]}</h1>
        <Link href="/account/certificates" className="underline underline-offset-4">
          All your certificates
        </Link>
      </div>
      <CertificateView
        detail={detail}
        actions={
          <>
            {open && (
              <Card title="Check now" description="We check every minute; ask now after publishing a record yourself.">
                <ResultForm
                  action={checkOwnCertificateNow}
                  hidden={{ subscriptionId: detail.subscription.id }}
                  submitLabel="Check now"
                  variant="secondary"
                />
              </Card>
            )}
            {(current || compromised) && !open && !ended && (
              <Card
                title="Reissue"
                description={
                  compromised
                    ? "This certificate was revoked because its private key may have been exposed. Make a new key in this browser, or make a key and CSR on your server and paste the CSR: the new certificate is free within the term."
                    : "A new certificate for a new key (made in this browser, or a CSR from your server), free within the term. The old one is revoked once the new one is issued, or at once if the key was exposed."
                }
              >
                <ResultForm
                  action={reissueOwnCertificate}
                  idempotent
                  idPrefix="reissue"
                  hidden={{ subscriptionId: detail.subscription.id }}
                  submitLabel="Reissue"
                >
                  <BrowserKeyMaker names={detail.subscription.names} />
                  <TextAreaField
                    name="csrPem"
                    label="New certificate signing request (CSR)"
                    required
                    rows={8}
                    spellCheck={false}
                    className="font-mono"
                  />
                  {current && (
                    <CheckboxField
                      name="keyCompromise"
                      label="The old private key was exposed: revoke the old certificate now"
                    />
                  )}
                </ResultForm>
              </Card>
            )}
            {current && (
              <Card title="Revoke" description="Revocation is final: browsers stop trusting the certificate.">
                <ResultForm
                  action={revokeOwnCertificate}
                  idPrefix="revoke"
                  hidden={{ certificateId: current.id }}
                  submitLabel="Revoke certificate"
                  variant="danger"
                  confirm="Revoke this certificate? Sites using it stop working securely."
                >
                  <SelectField
                    name="reason"
                    label="Reason"
                    required
                    defaultValue="unspecified"
                    options={REVOCATION_REASONS}
                  />
                </ResultForm>
              </Card>
            )}
          </>
        }
      />
    </div>
  );
}
