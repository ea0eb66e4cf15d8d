/**
 * The `landrush_application` provisioner: creates the registrant's contact at the registry, then
 * sends the landrush create as an application (RFC 8334 type="application") with it, the claims
 * notice the registrant accepted for a name on the DNL, and the registrant's sealed bid as the fee
 * the platform agrees to (RFC 8748 fee acknowledgement; the mock registry reads it as the bid,
 * decision 121) and waits in `pending_registry`; the registry runs its auction when landrush ends
 * and the follower (../sunrise/follow-applications.ts) completes the winner at the clearing price or
 * refunds the others. The auth code was fixed when the order was placed, so a retry after a lost
 * answer sends the same application and the registry answers with the one it already holds.
 */
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";
import { decryptAuthCode } from "@/server/domains/manage/auth-code";
import type { Provisioner } from "@/server/orders/provisioner";
import { writeAllocatedDomain } from "@/server/launch/shared/write-allocated-domain";
import { launchContacts } from "@/server/launch/shared/launch-contacts";
import { landrushDetailsSchema } from "./landrush-details";

export const provisioner: Provisioner = async (job) => {
  const { item } = job;
  const d = landrushDetailsSchema.parse(item.details ?? {});
  const authInfo = decryptAuthCode(d.authCodeEnc);
  if (!authInfo) throw new AppError("INTERNAL", undefined, { cause: "landrush auth code cannot be decrypted" });
  const port = job.registry.forDomain(item.subject);
  const contacts = await launchContacts(port, item, d.contactId);
  const created = await port.createDomain({
    name: item.subject,
    years: item.period,
    ...contacts,
    authInfo,
    fee: { amount: d.maxBidUsd, currency: "USD" },
    launch: { phase: "landrush", notice: d.claims },
  });
  if (created.data.pending && created.data.applicationId) {
    const applicationId = created.data.applicationId;
    return {
      status: "pending_registry",
      message: `Landrush application ${applicationId} is with the registry until landrush ends.`,
      commit: async (tx) => {
        const details = { ...d, applicationId, applicationStatus: "pendingAllocation" as const };
        await tx.orderItem.update({ where: { id: item.id }, data: { details: details as Prisma.InputJsonValue } });
      },
    };
  }
  // A registry that registers at once charges its fee, not an auction's price.
  return {
    status: "completed",
    message: `Registered in landrush until ${created.data.expiresAt?.slice(0, 10) ?? "its term ends"}.`,
    commit: async (tx) =>
      void (await writeAllocatedDomain(tx, item, d, {
        authCodeEnc: d.authCodeEnc,
        createdAt: created.data.createdAt,
        expiresAt: created.data.expiresAt,
      })),
  };
};
