/**
 * An approved applicant's acceptance becomes the new reseller's acceptance record: the applicant read
 * and accepted a published version on /apply, so asking the owner to accept it again would either
 * repeat that or, until they did, show the reseller as bound by nothing (RAA 3.12 wants the written
 * agreement in place from the first sale). The built-in first version has no record to carry: while
 * none is published, no acceptance is asked of anyone.
 */
import type { Tx } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import type { ResellerApplication } from "@/generated/prisma/client";

type Application = Pick<ResellerApplication, "id" | "agreementVersion" | "acceptedAt" | "contactName" | "contactEmail">;

export async function carryApplicantAcceptance(
  tx: Tx,
  ctx: ActorContext,
  application: Application,
  resellerId: string,
): Promise<{ acceptanceId: string } | null> {
  const version = await tx.resellerAgreementVersion.findUnique({
    where: { version: application.agreementVersion },
    select: { id: true, version: true },
  });
  if (!version) return null;
  const origin = await tx.applicantAgreementAcceptance.findUnique({ where: { applicationId: application.id } });
  // No user exists yet: the application is who accepted, as the person it names (decision 127).
  const acceptance = await tx.resellerAgreementAcceptance.create({
    data: {
      resellerId,
      versionId: version.id,
      acceptedById: application.id,
      acceptedByEmail: application.contactEmail,
      acceptedAt: application.acceptedAt,
    },
  });
  // Applications sent before the address was kept have none: "" says not recorded, not unknown to us.
  await tx.applicantAgreementAcceptance.upsert({
    where: { applicationId: application.id },
    create: { applicationId: application.id, clientAddress: "", acceptanceId: acceptance.id },
    update: { acceptanceId: acceptance.id },
  });
  await recordAudit(tx, ctx, {
    action: "agreement.accept",
    entity: "reseller_agreement",
    entityId: version.id,
    resellerId,
    after: {
      version: version.version,
      acceptedBy: application.contactEmail,
      acceptedByName: application.contactName,
      acceptedAt: application.acceptedAt,
      clientAddress: origin?.clientAddress ?? "",
      viaApplication: application.id,
    },
  });
  return { acceptanceId: acceptance.id };
}
