/**
 * Provisioner for `domain_transfer` (transfer in): the registry transfer request with the auth code
 * the registrant gave. The registry answers 1001 (pending): the item waits in `pending_registry` and
 * the domain shows `pending_transfer_in` with the registry's action date, until the poll message with
 * the outcome arrives (`applyTransferInResult`). After an uncertain attempt it queries the transfer
 * first, so a request that reached the registry is not sent twice.
 */
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { EppError, type RegistryPort, type TransferInfo } from "@/server/registry";
import { registryClientId } from "@/server/domains/registry-access";
import { decryptAuthCode } from "@/server/domains/manage/auth-code";
import { transferDetailsSchema, type TransferDetails } from "@/server/domains/checkout/item-details";
import type { ProvisionItem, Provisioner, ProvisionResult } from "../provisioner";
import { retireOldRow } from "../write-domain";

async function pendingRequest(port: RegistryPort, name: string, authInfo: string): Promise<TransferInfo | null> {
  try {
    const { data } = await port.transferDomain({ op: "query", name, authInfo });
    return data.status === "pending" && data.requestedBy === (await registryClientId()) ? data : null;
  } catch (e) {
    if (e instanceof EppError && (e.code === 2301 || e.code === 2303)) return null;
    throw e;
  }
}

export const provisioner: Provisioner = async (job) => {
  const { item } = job;
  const d = transferDetailsSchema.parse(item.details ?? {});
  const authInfo = decryptAuthCode(d.authCodeEnc);
  if (!authInfo)
    return { status: "failed", reason: "The auth code could not be read; please order the transfer again." };
  const port = job.registry.forDomain(item.subject);
  if (job.uncertain) {
    const pending = await pendingRequest(port, item.subject, authInfo);
    if (pending) return waiting(item, d, pending);
  }
  const { data } = await port.transferDomain({ op: "request", name: item.subject, authInfo, years: 1 });
  return waiting(item, d, data);
};

function waiting(item: ProvisionItem, d: TransferDetails, t: TransferInfo): ProvisionResult {
  const deadline = new Date(t.actionDeadline);
  return {
    status: "pending_registry",
    message: `Transfer requested; the current registrar has until ${deadline.toISOString().slice(0, 10)} to answer, after which the registry approves it.`,
    commit: async (tx) => {
      await retireOldRow(tx, item.subject);
      const data = {
        resellerId: item.resellerId,
        registrantId: item.order.registrantId,
        name: item.subject,
        unicodeName: d.unicodeName,
        tld: item.product.code,
        state: "pending_transfer_in" as const,
        pendingTransferDeadline: deadline,
        expiresAt: t.expiresAt ? new Date(t.expiresAt) : null,
        privacy: d.privacy,
        transferLock: false,
        registrantContactId: d.contactId,
      };
      const domain = await tx.domain.upsert({ where: { name: item.subject }, create: data, update: data });
      await tx.domainOperation.updateMany({
        where: { domainName: item.subject, domainId: null, resellerId: item.resellerId },
        data: { domainId: domain.id },
      });
      await recordAudit(tx, systemContext(item.resellerId), {
        action: "domain.transfer_in.requested",
        entity: "domain",
        entityId: domain.id,
        resellerId: item.resellerId,
        after: { name: item.subject, deadline, orderItemId: item.id },
      });
    },
  };
}
