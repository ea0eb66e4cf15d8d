/**
 * Accepting an invitation: a new person sets a name and password; someone who already has an account
 * (same email) proves it with their password, and gains the membership. Signs them in. That password
 * goes through the sign-in limits (decision 068), or an invitation link would be an unlimited
 * password oracle for the invited account.
 */
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkCredentials } from "./check-credentials";
import { hashPassword, newPasswordSchema } from "./password";
import type { SessionClaims } from "./session-token";
import { hashToken } from "./tokens";

export const INVALID_INVITATION = "This invitation is not valid any more. Ask whoever invited you to send a new one.";

async function openInvitation(tx: Tx, token: string) {
  const inv = await tx.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { reseller: { select: { displayName: true } } },
  });
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= new Date()) return null;
  return inv;
}

/** What the invitation page shows: who is invited where, and whether they already have an account. */
export async function describeInvitation(token: string) {
  const inv = await openInvitation(db, token);
  if (!inv) return null;
  const existing = await db.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  return {
    email: inv.email,
    role: inv.role,
    resellerName: inv.reseller?.displayName ?? null,
    hasAccount: existing !== null,
  };
}

const ENTER_EXISTING_PASSWORD = "You already have an account with this email: enter its password.";

export async function acceptInvitation(
  input: { token: string; name: string; password: string },
  clientAddress: string,
) {
  const existing = await db.invitation.findUnique({
    where: { tokenHash: hashToken(input.token) },
    select: { email: true },
  });
  const user = existing ? await db.user.findUnique({ where: { email: existing.email } }) : null;
  if (user) {
    try {
      await checkCredentials({ kind: "user" }, user.email, input.password, clientAddress, user, {
        secondStepFollows: user.totpEnabledAt !== null,
      });
    } catch (e) {
      if (e instanceof AppError && e.code === "UNAUTHENTICATED")
        throw new AppError("INVALID_INPUT", undefined, { fields: { password: ENTER_EXISTING_PASSWORD } });
      throw e;
    }
  }
  if (!user) {
    const rule = newPasswordSchema.safeParse(input.password);
    if (!rule.success)
      throw new AppError("INVALID_INPUT", undefined, { fields: { password: rule.error.issues[0].message } });
  }
  const passwordHash = user ? null : await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const inv = await openInvitation(tx, input.token);
      if (!inv) throw new AppError("NOT_FOUND", INVALID_INVITATION);
      const claimed = await tx.invitation.updateMany({
        where: { id: inv.id, acceptedAt: null },
        data: { acceptedAt: new Date() },
      });
      if (claimed.count !== 1) throw new AppError("NOT_FOUND", INVALID_INVITATION);
      if (!user && !input.name.trim())
        throw new AppError("INVALID_INPUT", undefined, { fields: { name: "Enter your name." } });
      const person =
        user ??
        (await tx.user.create({
          data: { email: inv.email, name: input.name.trim(), passwordHash: passwordHash ?? "" },
        }));
      const membership = await tx.membership.create({
        data: { userId: person.id, resellerId: inv.resellerId, role: inv.role },
      });
      const ctx: ActorContext =
        inv.resellerId === null
          ? {
              kind: "registrar",
              actorId: person.id,
              resellerId: null,
              role: inv.role as "registrar_admin" | "registrar_auditor",
            }
          : {
              kind: "user",
              actorId: person.id,
              resellerId: inv.resellerId,
              role: inv.role as "owner" | "admin" | "support" | "billing",
            };
      await recordAudit(tx, ctx, {
        action: "invitation.accept",
        entity: "membership",
        entityId: membership.id,
        after: { email: inv.email, role: inv.role },
      });
      const claims: SessionClaims = {
        kind: "user",
        sub: person.id,
        resellerId: inv.resellerId,
        sv: person.sessionVersion,
      };
      return { claims, home: inv.resellerId === null ? "/registrar" : "/console" };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new AppError("CONFLICT", "You are already a member there. Sign in instead.");
    }
    throw e;
  }
}
