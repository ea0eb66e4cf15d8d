/**
 * The Domain row for a name that became ours (registered, or transferred in). A row left from an
 * earlier life of the name (deleted, or transferred away) keeps its history under a retired name,
 * because history belongs to whoever owned the name then.
 */
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { isSandboxReseller, sandboxActive } from "@/server/registry/access/registry-mode";
import type { Domain } from "@/generated/prisma/client";
import { forgetCheck } from "@/server/domains/search/check-cache";
import type { ProvisionItem } from "@/server/orders/provisioner";

/** Days a new registration or transfer-in cannot be transferred away (Transfer Policy). */
const TRANSFER_LOCK_DAYS = 60;

export type DomainFacts = {
  unicodeName: string;
  roid: string | null;
  registeredAt: Date;
  expiresAt: Date;
  privacy: boolean;
  nameservers: string[];
  authInfoEnc: string | null;
  contactId: string | null;
};

export async function retireOldRow(tx: Tx, name: string): Promise<void> {
  const old = await tx.domain.findUnique({ where: { name }, select: { id: true, state: true, resellerId: true } });
  if (!old) return;
  const ended = old.state === "deleted" || old.state === "transferred_away";
  // Names are unique across live and sandbox (decision 100): a live registration retires a sandbox
  // row, and a sandbox registration never takes over a live one.
  const oldInSandbox = await isSandboxReseller(old.resellerId);
  if (sandboxActive() && !oldInSandbox && !ended)
    throw new AppError("CONFLICT", `${name} is registered in live mode; the sandbox cannot hold it too.`);
  if (ended || (oldInSandbox && !sandboxActive())) {
    await tx.domain.update({ where: { id: old.id }, data: { name: `${name}~${old.id.slice(0, 8)}` } });
  }
}

export async function writeActiveDomain(
  tx: Tx,
  item: ProvisionItem,
  f: DomainFacts,
  state: "active" = "active",
): Promise<Domain> {
  await retireOldRow(tx, item.subject);
  const data = {
    resellerId: item.resellerId,
    registrantId: item.order.registrantId,
    name: item.subject,
    unicodeName: f.unicodeName,
    tld: item.product.code,
    state,
    roid: f.roid,
    registeredAt: f.registeredAt,
    expiresAt: f.expiresAt,
    privacy: f.privacy,
    transferLock: false,
    authInfoEnc: f.authInfoEnc,
    nameservers: f.nameservers,
    registrantContactId: f.contactId,
    adminContactId: f.contactId,
    techContactId: f.contactId,
    transferLockedUntil: new Date(Date.now() + TRANSFER_LOCK_DAYS * 86_400_000),
    pendingTransferDeadline: null,
    lastSyncedAt: new Date(),
  };
  const domain = await tx.domain.upsert({ where: { name: item.subject }, create: data, update: data });
  await tx.domainOperation.updateMany({
    where: { domainName: item.subject, domainId: null, resellerId: item.resellerId },
    data: { domainId: domain.id },
  });
  forgetCheck(item.subject);
  return domain;
}
