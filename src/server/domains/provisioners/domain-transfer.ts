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
import { registryClientId } from "@/server/registry/access";
import { decryptAuthCode } from "@/server/domains/manage/auth-code";
import { transferDetailsSchema, type TransferDetails } from "@/server/domains/provisioners/item-details";
import type { ProvisionItem, Provisioner, ProvisionResult } from "@/server/orders/provisioner";
import { db } from "@/server/db";
import type { DomainInfo } from "@/server/registry";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { retireOldRow, writeActiveDomain } from "./write-domain";
import { ensureRelayRow, placeProxyAfterTransferJob } from "./proxy-after-transfer";

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
    // The request we lost the answer to may already have been approved: the name is ours now (and
    // the old auth code no longer opens it, so this is asked first).
    const arrived = await alreadyOurs(port, item.subject);
    if (arrived) return transferred(item, d, arrived, d.authCodeEnc);
    const pending = await pendingRequest(port, item.subject, authInfo);
    if (pending) return waiting(item, d, pending);
  }
  const { data } = await port.transferDomain({ op: "request", name: item.subject, authInfo, years: 1 });
  return waiting(item, d, data);
};

/** The registry's record when we sponsor the name and it is not one we already managed before this order. */
async function alreadyOurs(port: RegistryPort, name: string): Promise<DomainInfo | null> {
  try {
    const { data } = await port.infoDomain({ name, hosts: "none" });
    if (data.sponsor !== (await registryClientId())) return null;
    const known = await db.domain.findUnique({ where: { name }, select: { state: true } });
    return known &&
      known.state !== "pending_transfer_in" &&
      known.state !== "transferred_away" &&
      known.state !== "deleted"
      ? null
      : data;
  } catch (e) {
    if (e instanceof EppError && !e.retryable) return null;
    throw e;
  }
}

function transferred(item: ProvisionItem, d: TransferDetails, info: DomainInfo, authInfoEnc: string): ProvisionResult {
  const expiresAt = info.expiresAt ? new Date(info.expiresAt) : new Date(Date.now() + 365 * 86_400_000);
  return {
    status: "completed",
    message: `Transferred in: expires on ${expiresAt.toISOString().slice(0, 10)}.`,
    commit: async (tx) => {
      const domain = await writeActiveDomain(tx, item, {
        unicodeName: d.unicodeName,
        roid: info.roid ?? null,
        registeredAt: info.createdAt ? new Date(info.createdAt) : new Date(),
        expiresAt,
        privacy: d.privacy,
        nameservers: info.nameservers ?? [],
        authInfoEnc,
        contactId: d.contactId,
      });
      // Privacy bought with the transfer: the proxy takes the inherited contacts' place (decision 127).
      if (d.privacy) {
        await ensureRelayRow(tx, { id: domain.id, resellerId: item.resellerId });
        await enqueueJob(tx, placeProxyAfterTransferJob, { domainId: domain.id });
      }
      await recordAudit(tx, systemContext(item.resellerId), {
        action: "domain.transfer_in.completed",
        entity: "domain",
        entityId: domain.id,
        resellerId: item.resellerId,
        after: { name: item.subject, expiresAt, orderItemId: item.id, seenAfterLostAnswer: true },
      });
    },
  };
}

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
