/**
 * The `sunrise_application` provisioner: creates the registrant's contact at the registry, then
 * sends the sunrise create with it and the registrant's SMD as an application (RFC 8334
 * type="application") and waits in `pending_registry`; the registry allocates when sunrise ends and
 * follow-applications.ts completes or refunds the item. A registry that registers at once (a
 * sunrise without applications) completes the item here. Refusals (bad SMD, wrong label, wrong
 * phase, no contacts: standards.md 1.9) are EPP errors the engine turns into a refund.
 *
 * A create whose answer was lost cannot be looked up (an application is found by its id, which
 * only the answer carries), so an uncertain retry applies again: the registry holds two
 * applications of ours for the name, allocates the earlier one and rejects and refunds the other,
 * and the follower recognises the name as ours (see follow-applications.ts).
 */
import { Prisma } from "@/generated/prisma/client";
import { encryptAuthCode, generateAuthCode } from "@/server/domains/manage/auth-code";
import type { Provisioner } from "@/server/orders/provisioner";
import { sunriseDetailsSchema } from "./application-details";
import { writeAllocatedDomain } from "@/server/launch/shared/write-allocated-domain";
import { launchContacts } from "@/server/launch/shared/launch-contacts";
import { provisioner as landrushProvisioner } from "../landrush/provision-landrush";

export const provisioner: Provisioner = async (job) => {
  const { item } = job;
  const d = sunriseDetailsSchema.parse(item.details ?? {});
  const port = job.registry.forDomain(item.subject);
  const authInfo = generateAuthCode();
  const contacts = await launchContacts(port, item, d.contactId);
  const created = await port.createDomain({
    name: item.subject,
    years: item.period,
    ...contacts,
    authInfo,
    fee: { amount: d.registryFeeUsd, currency: "USD" },
    launch: { phase: "sunrise", encodedSignedMark: d.encodedSignedMark, application: true },
  });
  const authCodeEnc = encryptAuthCode(authInfo);
  if (created.data.pending && created.data.applicationId) {
    const applicationId = created.data.applicationId;
    return {
      status: "pending_registry",
      message: `Sunrise application ${applicationId} is with the registry until sunrise ends.`,
      commit: async (tx) => {
        const details = { ...d, applicationId, applicationStatus: "pendingAllocation" as const, authCodeEnc };
        await tx.orderItem.update({ where: { id: item.id }, data: { details: details as Prisma.InputJsonValue } });
      },
    };
  }
  return {
    status: "completed",
    message: `Registered in sunrise until ${created.data.expiresAt?.slice(0, 10) ?? "its term ends"}.`,
    commit: async (tx) =>
      void (await writeAllocatedDomain(tx, item, d, {
        authCodeEnc,
        createdAt: created.data.createdAt,
        expiresAt: created.data.expiresAt,
      })),
  };
};

export const LAUNCH_PROVISIONERS = {
  sunrise_application: provisioner,
  landrush_application: landrushProvisioner,
} as const;
