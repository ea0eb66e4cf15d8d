/**
 * Starts a change of registrant (a material change: name, organisation or email). Nothing changes
 * at the registry yet: the prior and the new registrant each get a link (random token, only its hash
 * kept) and the change is applied when both have confirmed, before the links expire.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { newToken } from "@/server/auth/tokens";
import type { ContactFields } from "@/lib/contact-rules";
import type { Contact, Domain } from "@/generated/prisma/client";
import type { ManageResult } from "../apply-change";
import { CONFIRM_DAYS, registrantChangeLockDays } from "./change-terms";
import { fieldsOf, MATERIAL_KEYS } from "./contact-fields";
import { queueConfirmationMails } from "./registrant-change-mail";

export async function requestRegistrantChange(
  ctx: ActorContext,
  domain: Domain,
  prior: Contact,
  next: ContactFields,
  lockOptOut: boolean,
): Promise<ManageResult & { changeId: string }> {
  const waiting = await db.registrantChange.findFirst({
    where: { domainId: domain.id, status: "pending", expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  if (waiting)
    throw new AppError(
      "CONFLICT",
      "A change of registrant is already waiting for confirmation. Cancel it before asking for another.",
    );
  const prior_ = newToken();
  const new_ = newToken();
  const expiresAt = new Date(Date.now() + CONFIRM_DAYS * 86_400_000);
  const lockDays = registrantChangeLockDays();
  const change = await db.$transaction(async (tx) => {
    // A stale pending change (links expired) is closed so only one is ever open.
    await tx.registrantChange.updateMany({
      where: { domainId: domain.id, status: "pending" },
      data: { status: "expired" },
    });
    const row = await tx.registrantChange.create({
      data: {
        resellerId: domain.resellerId,
        domainId: domain.id,
        requestedById: ctx.actorId,
        newContact: next,
        priorEmail: prior.email,
        priorContactId: prior.id,
        priorTokenHash: prior_.tokenHash,
        newTokenHash: new_.tokenHash,
        lockOptOut,
        expiresAt,
      },
    });
    await queueConfirmationMails(tx, {
      resellerId: domain.resellerId,
      changeId: row.id,
      domainName: domain.unicodeName,
      prior: fieldsOf(prior),
      next,
      tokens: { prior: prior_.token, new: new_.token },
      expiresAt,
      lockDays,
    });
    const pick = (c: ContactFields) => Object.fromEntries(MATERIAL_KEYS.map((k) => [k, c[k]]));
    await recordAudit(tx, ctx, {
      action: "domain.registrant_change.requested",
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
      before: pick(fieldsOf(prior)),
      after: { ...pick(next), changeId: row.id, lockOptOut, expiresAt },
    });
    return row;
  });
  return {
    code: 0,
    changeId: change.id,
    message: `This is a change of registrant, so both sides must confirm. We sent a link to ${prior.email} (current registrant) and to ${next.email} (new registrant); the change is made when both confirm, by ${expiresAt.toISOString().slice(0, 10)}.`,
  };
}
