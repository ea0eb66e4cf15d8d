/**
 * A customer opens an account on one storefront. The same email at another reseller is another,
 * unrelated account. A suspended storefront takes no new customers.
 */
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { hashPassword } from "./password";
import type { SessionClaims } from "./session-token";

export async function registerRegistrant(
  storefront: { resellerId: string; host: string; status: string },
  input: { name: string; email: string; password: string },
) {
  if (storefront.status !== "active") throw new AppError("RESELLER_SUSPENDED", "This store is not taking new customers at the moment.");
  const passwordHash = await hashPassword(input.password);
  try {
    const registrant = await db.$transaction(async (tx) => {
      const row = await tx.registrant.create({
        data: { resellerId: storefront.resellerId, email: input.email, name: input.name, passwordHash },
      });
      await recordAudit(tx, { kind: "registrant", actorId: row.id, resellerId: row.resellerId, role: "registrant" }, {
        action: "registrant.register",
        entity: "registrant",
        entityId: row.id,
        after: { email: row.email, name: row.name },
      });
      return row;
    });
    const claims: SessionClaims = { kind: "registrant", sub: registrant.id, resellerId: registrant.resellerId, host: storefront.host, sv: registrant.sessionVersion };
    return { registrant, claims };
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new AppError("CONFLICT", "You already have an account here.", {
        fields: { email: "An account with this email already exists. Sign in, or reset your password." },
      });
    }
    throw e;
  }
}
