/**
 * Console sign-in (reseller staff and registrar staff). Registrar membership wins when a person has
 * both; otherwise the oldest reseller membership is the console they land in.
 */
import { AppError } from "@/server/errors";
import { db } from "@/server/db";
import { checkCredentials } from "./check-credentials";
import { requiresSecondFactor } from "./second-factor-policy";
import type { SessionClaims } from "./session-token";

export async function signInUser(input: { email: string; password: string }, clientAddress: string) {
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: {
      id: true,
      passwordHash: true,
      disabledAt: true,
      sessionVersion: true,
      totpEnabledAt: true,
      memberships: { select: { resellerId: true, role: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const secondStepFollows =
    user !== null && (user.totpEnabledAt !== null || requiresSecondFactor(user.memberships.map((m) => m.role)));
  const account = await checkCredentials({ kind: "user" }, input.email, input.password, clientAddress, user, {
    secondStepFollows,
  });
  const membership = account.memberships.find((m) => m.resellerId === null) ?? account.memberships[0];
  if (!membership)
    throw new AppError(
      "FORBIDDEN",
      "This account has no console access any more. Ask your administrator for an invitation.",
    );
  const claims: SessionClaims = {
    kind: "user",
    sub: account.id,
    resellerId: membership.resellerId,
    sv: account.sessionVersion,
  };
  return { claims, home: membership.resellerId === null ? "/registrar" : "/console" };
}
