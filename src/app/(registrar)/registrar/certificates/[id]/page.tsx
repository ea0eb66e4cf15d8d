/** One customer certificate for registrar staff: progress, downloads, every certificate of the term (read-only). */
import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/auto-refresh";
import { CertificateView } from "@/components/certificate-view";
import { PageHeader } from "@/components/page-header";
import { orNotFound } from "@/app/_lib/or-not-found";
import { getCertificateDetail } from "@/server/ssl/views/get-certificate-detail";
import { loadRegistrar } from "../../_lib/registrar-session";

export const metadata: Metadata = { title: "Certificate" };

export default async function RegistrarCertificatePage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await loadRegistrar();
  const detail = await orNotFound(getCertificateDetail(ctx, (await params).id));
  return (
    <>
      {detail.moving && <AutoRefresh />}
      <PageHeader
        title={detail.subscription.names[0] ?? "Certificate"}
        description="Revocation and check now are the reseller's, from its own console."
        actions={
          <Link
            className="text-sm font-medium text-indigo-700 underline"
            href={`/registrar/certificates?reseller=${detail.subscription.resellerId}`}
          >
            This reseller&apos;s certificates
          </Link>
        }
      />
      <CertificateView detail={detail} />
    </>
  );
}
