/**
 * The clientHold of an abuse report, kept as its own row like WAPS keeps its own (decision 092), so
 * each program lifts only what it placed: a hold that was already on the name is recorded and left
 * alone, and lifting ours leaves clientHold in place while a WAPS hold is open.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { callRegistry } from "@/server/registry/access";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { Prisma, type Domain } from "@/generated/prisma/client";

export const HOLD = "clientHold";

const withStatuses = (statuses: string[], add: string[]) => [
  ...new Set([...statuses.filter((s) => s !== "ok"), ...add]),
];
const withoutStatuses = (statuses: string[], remove: string[]) => {
  const left = statuses.filter((s) => !remove.includes(s));
  return left.length ? left : ["ok"];
};

export async function placeAbuseHold(ctx: ActorContext, domain: Domain, reportId: string): Promise<number | null> {
  const hadHold = domain.registryStatuses.includes(HOLD);
  let holdId: string;
  try {
    holdId = (
      await db.abuseHold.create({
        data: {
          reportId,
          domainId: domain.id,
          resellerId: domain.resellerId,
          placedAt: platformNow(),
          registryHadHold: hadHold,
        },
      })
    ).id;
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new AppError("CONFLICT", "An abuse hold is already open on this domain.");
    throw e;
  }
  let code: number | null = null;
  if (!hadHold) {
    try {
      code = (await callRegistry(ctx, domain, "updateDomain", { name: domain.name, add: { statuses: [HOLD] } })).code;
    } catch (e) {
      await db.abuseHold.delete({ where: { id: holdId } });
      throw e;
    }
  }
  await db.$transaction(async (tx) => {
    await tx.domain.update({
      where: { id: domain.id },
      data: { registryStatuses: withStatuses(domain.registryStatuses, [HOLD]) },
    });
    await recordAudit(tx, ctx, {
      action: "domain.abuse.hold_placed",
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
      before: { registryStatuses: domain.registryStatuses },
      after: { holdId, registryHadHold: hadHold, registryCode: code },
    });
  });
  return code;
}

export async function liftAbuseHold(ctx: ActorContext, domain: Domain): Promise<number | null> {
  const hold = await db.abuseHold.findFirst({ where: { domainId: domain.id, liftedAt: null } });
  if (!hold) throw new AppError("CONFLICT", "No abuse hold is open on this domain.");
  const claimed = await db.abuseHold.updateMany({
    where: { id: hold.id, liftedAt: null },
    data: { liftedAt: platformNow() },
  });
  if (claimed.count === 0) throw new AppError("CONFLICT", "The hold was lifted already.");
  const waps = await db.wapsHold.count({ where: { domainId: domain.id, liftedAt: null } });
  const send = !hold.registryHadHold && waps === 0 && domain.registryStatuses.includes(HOLD);
  let code: number | null = null;
  if (send) {
    try {
      code = (await callRegistry(ctx, domain, "updateDomain", { name: domain.name, remove: { statuses: [HOLD] } }))
        .code;
    } catch (e) {
      await db.abuseHold.update({ where: { id: hold.id }, data: { liftedAt: null } });
      throw e;
    }
  }
  await db.$transaction(async (tx) => {
    if (send)
      await tx.domain.update({
        where: { id: domain.id },
        data: { registryStatuses: withoutStatuses(domain.registryStatuses, [HOLD]) },
      });
    await recordAudit(tx, ctx, {
      action: "domain.abuse.hold_lifted",
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
      before: { registryStatuses: domain.registryStatuses },
      after: { holdId: hold.id, registryCode: code, otherHoldKept: !send },
    });
  });
  return code;
}

/** The registrar's lock: no transfer away and no deletion by the registrant while the report is open. */
export const LOCK_STATUSES = ["clientTransferProhibited", "clientDeleteProhibited"];

export async function lockForAbuse(ctx: ActorContext, domain: Domain): Promise<number | null> {
  const missing = LOCK_STATUSES.filter((s) => !domain.registryStatuses.includes(s));
  if (!missing.length) return null;
  const r = await callRegistry(ctx, domain, "updateDomain", { name: domain.name, add: { statuses: missing } });
  await db.$transaction(async (tx) => {
    await tx.domain.update({
      where: { id: domain.id },
      data: { registryStatuses: withStatuses(domain.registryStatuses, missing), transferLock: true },
    });
    await recordAudit(tx, ctx, {
      action: "domain.abuse.locked",
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
      before: { registryStatuses: domain.registryStatuses },
      after: { added: missing, registryCode: r.code },
    });
  });
  return r.code;
}

/** Our own delete-prohibition must go before the registry will delete the name. */
export async function clearDeleteLock(ctx: ActorContext, domain: Domain): Promise<Domain> {
  if (!domain.registryStatuses.includes("clientDeleteProhibited")) return domain;
  await callRegistry(ctx, domain, "updateDomain", {
    name: domain.name,
    remove: { statuses: ["clientDeleteProhibited"] },
  });
  return db.domain.update({
    where: { id: domain.id },
    data: { registryStatuses: withoutStatuses(domain.registryStatuses, ["clientDeleteProhibited"]) },
  });
}
