/**
 * The second step of opening a customer account: the link from the confirmation mail plus the
 * password chosen at sign-up. Asking for the password again means the account is made only by
 * someone who both reads that inbox and chose the password, so nobody can pre-register someone
 * else's email with a password they know. A used link finds the account made and is refused.
 */
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { verifyPassword } from "./password";
import { decodeRegistration } from "./registration-token";
import type { SessionClaims } from "./session-token";

export const INVALID_REGISTRATION_LINK =
  "This link is not valid any more. Links work once, for 24 hours: sign up again, or sign in if your account is already open.";

/** Whether the link can still open an account on this storefront (the page shows the form or says so). */
export async function isRegistrationLinkValid(resellerId: string, token: string): Promise<boolean> {
  const pending = await decodeRegistration(token);
  if (!pending || pending.resellerId !== resellerId) return false;
  return (await db.registrant.count({ where: { resellerId, email: pending.email } })) === 0;
}

export async function finishRegistration(
  storefront: { resellerId: string; host: string; status: string },
  input: { token: string; password: string },
) {
  if (storefront.status !== "active")
    throw new AppError("RESELLER_SUSPENDED", "This store is not taking new customers at the moment.");
  const pending = await decodeRegistration(input.token);
  if (!pending || pending.resellerId !== storefront.resellerId)
    throw new AppError("NOT_FOUND", INVALID_REGISTRATION_LINK);
  if (!(await verifyPassword(pending.passwordHash, input.password))) {
    throw new AppError("INVALID_INPUT", "That is not the password you chose when signing up.", {
      fields: { password: "Enter the password you chose when signing up." },
    });
  }
  try {
    const registrant = await db.$transaction(async (tx) => {
      const row = await tx.registrant.create({
        data: {
          resellerId: pending.resellerId,
          email: pending.email,
          name: pending.name,
          passwordHash: pending.passwordHash,
        },
      });
      await recordAudit(
        tx,
        { kind: "registrant", actorId: row.id, resellerId: row.resellerId, role: "registrant" },
        {
          action: "registrant.register",
          entity: "registrant",
          entityId: row.id,
          after: { email: row.email, name: row.name },
        },
      );
      return row;
    });
    const claims: SessionClaims = {
      kind: "registrant",
      sub: registrant.id,
      resellerId: registrant.resellerId,
      host: storefront.host,
      sv: registrant.sessionVersion,
    };
    return { registrant, claims };
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new AppError("NOT_FOUND", INVALID_REGISTRATION_LINK);
    throw e;
  }
}
