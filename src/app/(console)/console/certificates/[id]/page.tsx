/** One customer certificate: progress, downloads, certificates of the term; revoke and check now. */
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/card";
import { CertificateView } from "@/components/certificate-view";
import { PageHeader } from "@/components/page-header";
import { AutoRefresh } from "@/components/auto-refresh";
import { SelectField } from "@/components/form-field";
import { REVOCATION_REASONS } from "@/lib/certificate-words";
import { orNotFound } from "@/app/_lib/or-not-found";
import { getCertificateDetail } from "@/server/ssl/views/get-certificate-detail";
import { ResultForm } from "../../domains/_components/result-form";
import { loadConsole } from "../../_lib/console-session";
import { checkCustomerCertificateNow, revokeCustomerCertificate } from "../actions";

export const metadata: Metadata = { title: "Certificate" };

export default async function ConsoleCertificatePage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await loadConsole();
  const { id } = await params;
  const detail = await orNotFound(getCertificateDetail(ctx, id));
  const open = detail.requests.find((r) => r.open);
  const staff = ctx.role !== "billing";
  return (
    <>
      {detail.moving && <AutoRefresh />}
      <PageHeader
        title={detail.subscription.names[0] ?? "Certificate"}
        actions={
          <Link className="text-sm font-medium text-indigo-700 underline" href="/console/certificates">
            All certificates
          </Link>
        }
      />
      <CertificateView
        detail={detail}
        actions={
          staff && (
            <>
              {open && (
                <Card
                  title="Check now"
                  description="The poll asks every minute; ask now after the customer published a record."
                >
                  <ResultForm
                    action={checkCustomerCertificateNow}
                    hidden={{ subscriptionId: detail.subscription.id }}
                    submitLabel="Check now"
                    variant="secondary"
                  />
                </Card>
              )}
              {detail.current && (
                <Card title="Revoke" description="Revocation is final; the customer is not asked first.">
                  <ResultForm
                    action={revokeCustomerCertificate}
                    idPrefix="revoke"
                    hidden={{ certificateId: detail.current.id }}
                    submitLabel="Revoke certificate"
                    variant="danger"
                    confirm="Revoke this customer's certificate?"
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
          )
        }
      />
    </>
  );
}
