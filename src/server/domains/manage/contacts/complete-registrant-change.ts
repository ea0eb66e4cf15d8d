/**
 * Applies a change of registrant both parties confirmed: a new contact for the registrant at the
 * registry and the domain's registrant (and the roles that shared the prior registrant's contact)
 * pointed at it, then the inter-registrar transfer lock unless the prior registrant opted out. One
 * confirmation at a time may apply it (applyingAt); a registry refusal leaves it pending with the
 * registry's words, so confirming again retries.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { ManageResult } from "../apply-change";
import { registrantChangeLockDays } from "./change-terms";
import { CONTACT_ROLES, ROLE_COLUMN } from "./contact-policy";
import { newContactOf } from "./find-registrant-change";
import { placeContact } from "./place-contact";
import { queueOutcomeMails } from "./registrant-change-mail";

const STALE_CLAIM_MS = 2 * 60_000;

export async function completeRegistrantChange(changeId: string): Promise<ManageResult> {
  const now = new Date();
  const claimed = await db.registrantChange.updateMany({
    where: {
      id: changeId,
      status: "pending",
      priorConfirmedAt: { not: null },
      newConfirmedAt: { not: null },
      OR: [{ applyingAt: null }, { applyingAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } }],
    },
    data: { applyingAt: now },
  });
  if (claimed.count === 0) return { code: 0, message: "Both confirmations are in; the change is being applied." };
  const change = await db.registrantChange.findUniqueOrThrow({ where: { id: changeId } });
  const domain = await db.domain.findUniqueOrThrow({ where: { id: change.domainId } });
  const ctx = systemContext(change.resellerId);
  const next = newContactOf(change.newContact);
  const shared = CONTACT_ROLES.filter(
    (r) =>
      r !== "registrant" &&
      domain.registrantContactId !== null &&
      domain[ROLE_COLUMN[r]] === domain.registrantContactId,
  );

  let placed;
  try {
    placed = await placeContact(ctx, domain, "registrant", next, {
      fresh: true,
      alsoRoles: shared,
      verifiedAt: change.newConfirmedAt,
    });
  } catch (e) {
    const why = e instanceof AppError ? e.userMessage : "The registry could not be reached.";
    await db.registrantChange.update({ where: { id: changeId }, data: { applyingAt: null, lastError: why } });
    throw e;
  }
  const lockDays = registrantChangeLockDays();
  const lockedUntil = change.lockOptOut || lockDays === 0 ? null : new Date(now.getTime() + lockDays * 86_400_000);
  const keepLock =
    domain.transferLockedUntil && lockedUntil && domain.transferLockedUntil > lockedUntil
      ? domain.transferLockedUntil
      : lockedUntil;
  await db.$transaction(async (tx) => {
    await tx.domain.update({
      where: { id: domain.id },
      data: { ...placed.columns, ...(lockedUntil ? { transferLockedUntil: keepLock } : {}) },
    });
    await tx.registrantChange.update({
      where: { id: changeId },
      data: {
        status: "completed",
        completedAt: now,
        newContactId: placed.contactId,
        lockedUntil,
        applyingAt: null,
        lastError: null,
      },
    });
    await recordAudit(tx, ctx, {
      action: "domain.registrant_change.completed",
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
      before: { registrantContactId: domain.registrantContactId, transferLockedUntil: domain.transferLockedUntil },
      after: {
        registrantContactId: placed.contactId,
        movedRoles: shared,
        transferLockedUntil: lockedUntil ? keepLock : domain.transferLockedUntil,
        lockOptOut: change.lockOptOut,
        registryCode: placed.code,
      },
    });
    const lockLine = lockedUntil
      ? `It cannot be transferred to another registrar until ${lockedUntil.toISOString().slice(0, 10)}.`
      : "The current registrant opted out of the transfer lock.";
    await queueOutcomeMails(tx, {
      resellerId: domain.resellerId,
      domainName: domain.unicodeName,
      to: [change.priorEmail, next.email],
      subject: `The registrant of ${domain.unicodeName} has changed`,
      text: `Both parties confirmed, and the registrant of ${domain.unicodeName} is now ${next.name}${next.organization ? ` (${next.organization})` : ""}. ${lockLine}`,
    });
  });
  const lockWords = lockedUntil
    ? ` The name cannot move to another registrar until ${lockedUntil.toISOString().slice(0, 10)}.`
    : " No transfer lock was set (opted out).";
  return {
    code: placed.code,
    message: `Both parties confirmed: the registrant has changed. ${placed.words}${lockWords}`,
  };
}
