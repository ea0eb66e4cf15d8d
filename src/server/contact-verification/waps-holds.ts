/**
 * The WAPS suspension: clientHold at the registry for a domain whose registrant did not verify in
 * time, and its lifting once they do. Each hold is its own row, so verification lifts only the hold
 * this program placed: when clientHold was already on the name (abuse, staff), the row records it
 * and lifting leaves the registry alone. A row is claimed before the registry is asked (one open
 * hold per domain, and a lift claims by setting liftedAt), and the claim is undone when the registry
 * refuses or cannot be reached, so the next sweep tries again.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { isAppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { callRegistry } from "@/server/registry/access";
import { platformNow } from "@/server/domains/lifecycle/clock";
import type { Domain } from "@/generated/prisma/client";
import { Prisma } from "@/generated/prisma/client";
import { queueHoldNotice, queueLiftNotice } from "./hold-mail";

export const HOLD = "clientHold";

const withHold = (statuses: string[]) => [...new Set([...statuses.filter((s) => s !== "ok"), HOLD])];
const withoutHold = (statuses: string[]) => {
  const left = statuses.filter((s) => s !== HOLD);
  return left.length ? left : ["ok"];
};
const why = (e: unknown) => (isAppError(e) ? e.userMessage : "The registry could not be reached.");

export type Placed = { placed: boolean; error?: string };

export async function placeWapsHold(
  domain: Domain,
  contact: { id: string; email: string; deadline: Date },
): Promise<Placed> {
  const ctx = systemContext(domain.resellerId);
  const now = platformNow();
  const hadHold = domain.registryStatuses.includes(HOLD);
  let holdId: string;
  try {
    holdId = (
      await db.wapsHold.create({
        data: {
          domainId: domain.id,
          resellerId: domain.resellerId,
          contactId: contact.id,
          placedAt: now,
          registryHadHold: hadHold,
        },
      })
    ).id;
  } catch (e) {
    // Another sweep placed it first.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { placed: false };
    throw e;
  }
  let code = 1000;
  if (!hadHold) {
    try {
      code = (await callRegistry(ctx, domain, "updateDomain", { name: domain.name, add: { statuses: [HOLD] } })).code;
    } catch (e) {
      await db.wapsHold.delete({ where: { id: holdId } });
      return { placed: false, error: why(e) };
    }
  }
  await db.$transaction(async (tx) => {
    await tx.domain.update({ where: { id: domain.id }, data: { registryStatuses: withHold(domain.registryStatuses) } });
    await recordAudit(tx, ctx, {
      action: "domain.waps.hold_placed",
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
      before: { registryStatuses: domain.registryStatuses },
      after: {
        holdId,
        contactId: contact.id,
        deadline: contact.deadline,
        registryHadHold: hadHold,
        registryCode: hadHold ? null : code,
      },
    });
    await queueHoldNotice(tx, domain, contact.email);
  });
  return { placed: true };
}

/** Lifts one open hold whose domain's registrant is now verified. True when it was lifted. */
async function liftHold(holdId: string): Promise<boolean> {
  const now = platformNow();
  const claimed = await db.wapsHold.updateMany({ where: { id: holdId, liftedAt: null }, data: { liftedAt: now } });
  if (claimed.count === 0) return false;
  const hold = await db.wapsHold.findUniqueOrThrow({ where: { id: holdId } });
  const domain = await db.domain.findUniqueOrThrow({ where: { id: hold.domainId } });
  const ctx = systemContext(domain.resellerId);
  // Someone else's clientHold stays: this program never put it there.
  const send = !hold.registryHadHold && domain.registryStatuses.includes(HOLD);
  let code: number | null = null;
  if (send) {
    try {
      code = (await callRegistry(ctx, domain, "updateDomain", { name: domain.name, remove: { statuses: [HOLD] } }))
        .code;
    } catch (e) {
      await db.wapsHold.update({ where: { id: holdId }, data: { liftedAt: null, liftError: why(e) } });
      return false;
    }
  }
  await db.$transaction(async (tx) => {
    if (send)
      await tx.domain.update({
        where: { id: domain.id },
        data: { registryStatuses: withoutHold(domain.registryStatuses) },
      });
    await tx.wapsHold.update({ where: { id: holdId }, data: { liftError: null } });
    await recordAudit(tx, ctx, {
      action: "domain.waps.hold_lifted",
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
      before: { registryStatuses: domain.registryStatuses },
      after: { holdId, registryCode: code, otherHoldKept: hold.registryHadHold },
    });
    const contact = domain.registrantContactId
      ? await tx.contact.findUnique({ where: { id: domain.registrantContactId }, select: { email: true } })
      : null;
    if (contact) await queueLiftNotice(tx, domain, contact.email, hold.registryHadHold);
  });
  return true;
}

/** Open holds whose domain's current registrant contact is verified (a new verified registrant counts). */
async function liftableHolds(where: Prisma.Sql, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    select h.id from "WapsHold" h
    join "Domain" d on d.id = h."domainId"
    join "Contact" c on c.id = d."registrantContactId"
    where h."liftedAt" is null and c."verifiedAt" is not null and ${where}
    order by h."placedAt" limit ${limit}`;
  return rows.map((r) => r.id);
}

async function liftAll(ids: string[]): Promise<number> {
  let lifted = 0;
  for (const id of ids) if (await liftHold(id)) lifted++;
  return lifted;
}

export async function liftHoldsOfContact(contactId: string): Promise<number> {
  return liftAll(await liftableHolds(Prisma.sql`c.id = ${contactId}`, 500));
}

export async function liftDueHolds(limit = 500): Promise<number> {
  return liftAll(await liftableHolds(Prisma.sql`true`, limit));
}
