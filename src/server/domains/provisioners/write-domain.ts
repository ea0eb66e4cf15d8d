/**
 * The Domain row for a name that became ours (registered, or transferred in). A row left from an
 * earlier life of the name (deleted, or transferred away) keeps its history under a retired name,
 * because history belongs to whoever owned the name then.
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { isSandboxReseller, sandboxActive } from "@/server/registry/access/registry-mode";
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

const transferLockedUntil = () => new Date(Date.now() + TRANSFER_LOCK_DAYS * 86_400_000);

/**
 * The usual case, a name we never held: the row and the link of the commands sent for it before it
 * existed, in one statement (every registration passes here, decision 111). Null when a row with the
 * name exists already, which the general path below deals with.
 */
async function insertFresh(tx: Tx, item: ProvisionItem, f: DomainFacts, state: "active"): Promise<string | null> {
  // Timestamps go as ISO text and are stored in UTC without a zone, as Prisma stores them.
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    with created as (
      insert into "Domain" (id, "resellerId", "registrantId", name, "unicodeName", tld, state, roid, "registeredAt",
        "expiresAt", privacy, "transferLock", "authInfoEnc", nameservers, "registrantContactId", "adminContactId",
        "techContactId", "transferLockedUntil", "lastSyncedAt", "updatedAt")
      values (${randomUUID()}, ${item.resellerId}, ${item.order.registrantId}, ${item.subject}, ${f.unicodeName},
        ${item.product.code}, ${state}::"DomainState", ${f.roid},
        ${iso(f.registeredAt)}::timestamptz at time zone 'UTC', ${iso(f.expiresAt)}::timestamptz at time zone 'UTC',
        ${f.privacy}, false, ${f.authInfoEnc}, ${f.nameservers}::text[], ${f.contactId}, ${f.contactId},
        ${f.contactId}, ${iso(transferLockedUntil())}::timestamptz at time zone 'UTC', now() at time zone 'UTC',
        now() at time zone 'UTC')
      on conflict (name) do nothing
      returning id
    ),
    linked as (
      update "DomainOperation" o set "domainId" = c.id from created c
      where o."domainName" = ${item.subject} and o."domainId" is null and o."resellerId" = ${item.resellerId}
    )
    select id from created`;
  return rows[0]?.id ?? null;
}

export async function writeActiveDomain(
  tx: Tx,
  item: ProvisionItem,
  f: DomainFacts,
  state: "active" = "active",
): Promise<{ id: string }> {
  const fresh = await insertFresh(tx, item, f, state);
  if (fresh) {
    forgetCheck(item.subject);
    return { id: fresh };
  }
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
    transferLockedUntil: transferLockedUntil(),
    pendingTransferDeadline: null,
    lastSyncedAt: new Date(),
  };
  const domain = await tx.domain.upsert({
    where: { name: item.subject },
    create: data,
    update: data,
    select: { id: true },
  });
  // This order's own commands belong to the new life too: the create's row was written while the old
  // row still had the name, so its lookup by name linked it to the row retired above.
  await tx.domainOperation.updateMany({
    where: {
      OR: [{ domainName: item.subject, domainId: null, resellerId: item.resellerId }, { orderItemId: item.id }],
    },
    data: { domainId: domain.id },
  });
  forgetCheck(item.subject);
  return domain;
}
