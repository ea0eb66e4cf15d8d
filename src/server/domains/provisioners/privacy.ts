/**
 * Provisioner for `privacy`: turns on WHOIS/RDAP privacy for a name bought in the same order. It
 * waits (retries) while that name is still being registered and fails if the name never became ours.
 * With a transfer in it waits in `pending_registry` like the transfer, and the transfer's outcome
 * settles it: completed with the proxy placed at the registry, or refunded (decision 127).
 */
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import type { Provisioner } from "@/server/orders/provisioner";
import { ProvisionLater } from "@/server/orders/provisioner";
import { completeItem } from "@/server/orders/complete-item";

/**
 * The transfer's settlement looks for this item under the domain row's lock; taking the same lock here
 * means a transfer that completed while this attempt ran is seen, and the item completes with it
 * instead of waiting for a settlement that already happened.
 */
async function settleIfTransferEnded(tx: Tx, itemId: string, domainId: string): Promise<void> {
  const [row] = await tx.$queryRaw<{ state: string }[]>`
    select state::text as state from "Domain" where id = ${domainId} for update`;
  if (row?.state === "pending_transfer_in") return;
  if (row?.state === "active") return completeItem(tx, itemId);
  // Rejected meanwhile: rolled back, the next attempt finds the transfer refunded and fails likewise.
  throw new Error("The transfer ended while privacy waited for it.");
}

export const provisioner: Provisioner = async (job) => {
  const { item } = job;
  const domain = await db.domain.findUnique({ where: { name: item.subject } });
  if (domain && domain.resellerId === item.resellerId && domain.state === "pending_transfer_in")
    return {
      status: "pending_registry",
      message: "Privacy starts when the transfer completes.",
      commit: (tx) => settleIfTransferEnded(tx, item.id, domain.id),
    };
  if (domain && domain.resellerId === item.resellerId && domain.state === "active") {
    return {
      status: "completed",
      message: "Privacy is on.",
      commit: async (tx) => {
        await tx.domain.update({ where: { id: domain.id }, data: { privacy: true } });
        // The relay address RDAP publishes. A registration bought with privacy was created with the proxy
        // as registrant (domain-register.ts, decision 116); this keeps that row's registry columns.
        await tx.privacyProxyDomain.upsert({
          where: { domainId: domain.id },
          create: {
            domainId: domain.id,
            resellerId: domain.resellerId,
            relayToken: randomBytes(9).toString("base64url"),
            enabledAt: new Date(),
          },
          update: { enabledAt: new Date() },
        });
        await recordAudit(tx, systemContext(item.resellerId), {
          action: "domain.privacy",
          entity: "domain",
          entityId: domain.id,
          resellerId: item.resellerId,
          before: { privacy: domain.privacy },
          after: { privacy: true, orderItemId: item.id },
        });
      },
    };
  }
  const sibling = await db.orderItem.findFirst({
    where: { orderId: item.orderId, subject: item.subject, kind: { in: ["domain_register", "domain_transfer"] } },
    select: { state: true },
  });
  if (sibling && (sibling.state === "failed" || sibling.state === "refunded"))
    return { status: "failed", reason: `${item.subject} was not registered, so privacy was not needed.` };
  if (!sibling) return { status: "failed", reason: `${item.subject} is not a domain we manage.` };
  throw new ProvisionLater(`${item.subject} is not registered yet.`);
};
