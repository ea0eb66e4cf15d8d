/**
 * What a verification link opens, and the confirmation itself (no sign-in: the token is the proof, so
 * it works from any device). Confirming sets the contact's verifiedAt, uses up every link of that
 * contact, and tries at once to lift the WAPS holds of its domains; the sweep is the safety net.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { hashToken } from "@/server/auth/tokens";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { liftHoldsOfContact } from "./waps-holds";

export type LinkView =
  | { state: "valid"; email: string; expiresAt: Date }
  | { state: "used"; email: string; verifiedAt: Date }
  | { state: "expired"; email: string; expiresAt: Date }
  | { state: "address_changed"; email: string }
  | { state: "unknown" };

async function findLink(resellerId: string, token: string) {
  if (!token) return null;
  const row = await db.contactVerificationToken.findUnique({ where: { tokenHash: hashToken(token) } });
  // Another reseller's link on this storefront reads as unknown: hosts reveal nothing about each other.
  if (!row || row.resellerId !== resellerId) return null;
  const contact = await db.contact.findUnique({ where: { id: row.contactId } });
  return contact ? { row, contact } : null;
}

export async function viewVerificationLink(resellerId: string, token: string): Promise<LinkView> {
  const found = await findLink(resellerId, token);
  if (!found) return { state: "unknown" };
  const { row, contact } = found;
  if (contact.email.toLowerCase() !== row.email.toLowerCase()) return { state: "address_changed", email: row.email };
  if (contact.verifiedAt) return { state: "used", email: row.email, verifiedAt: contact.verifiedAt };
  if (row.usedAt) return { state: "used", email: row.email, verifiedAt: row.usedAt };
  if (row.expiresAt <= platformNow()) return { state: "expired", email: row.email, expiresAt: row.expiresAt };
  return { state: "valid", email: row.email, expiresAt: row.expiresAt };
}

const REFUSALS: Record<Exclude<LinkView["state"], "valid">, string> = {
  unknown: "This verification link is not valid. Use the latest link from your mail.",
  used: "This link was already used: the address is verified.",
  expired: "This link has expired. Sign in to your account and send a new link from your domain's page.",
  address_changed: "The contact's email address changed after this link was sent, so it no longer applies.",
};

export async function confirmEmailVerification(
  resellerId: string,
  token: string,
): Promise<{ message: string; liftedHolds: number }> {
  const view = await viewVerificationLink(resellerId, token);
  if (view.state !== "valid")
    throw new AppError(view.state === "unknown" ? "NOT_FOUND" : "CONFLICT", REFUSALS[view.state]);
  const now = platformNow();
  const tokenHash = hashToken(token);
  const contactId = await db.$transaction(async (tx) => {
    // Single use under concurrency: only the first confirmation flips usedAt.
    const used = await tx.contactVerificationToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count === 0) throw new AppError("CONFLICT", REFUSALS.used);
    const row = await tx.contactVerificationToken.findUniqueOrThrow({ where: { tokenHash } });
    await tx.contactVerificationToken.updateMany({
      where: { contactId: row.contactId, usedAt: null },
      data: { usedAt: now },
    });
    await tx.contact.update({
      where: { id: row.contactId },
      data: { verifiedAt: now, verificationDeadline: null },
    });
    await recordAudit(tx, systemContext(resellerId), {
      action: "contact.email_verified",
      entity: "contact",
      entityId: row.contactId,
      resellerId,
      before: { verifiedAt: null },
      after: { verifiedAt: now, email: row.email, via: "link" },
    });
    return row.contactId;
  });
  // The hold is lifted now if the registry answers; otherwise the minute sweep retries.
  const lifted = await liftHoldsOfContact(contactId).catch(() => 0);
  return {
    message:
      lifted > 0
        ? `Thank you: ${view.email} is verified, and your suspended domains are active again.`
        : `Thank you: ${view.email} is verified.`,
    liftedHolds: lifted,
  };
}
