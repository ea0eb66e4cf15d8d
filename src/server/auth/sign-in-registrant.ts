/** Storefront sign-in: the account is looked up within the storefront's reseller only. */
import { db } from "@/server/db";
import { checkCredentials } from "./check-credentials";
import type { SessionClaims } from "./session-token";
import { registrantHasTotp } from "./registrant-has-totp";

export async function signInRegistrant(
  storefront: { resellerId: string; host: string },
  input: { email: string; password: string },
  clientAddress: string,
) {
  const registrant = await db.registrant.findUnique({
    where: { resellerId_email: { resellerId: storefront.resellerId, email: input.email } },
    select: { id: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  const who = { kind: "registrant", resellerId: storefront.resellerId } as const;
  // With a second step to come, only its success forgets this address's failures (decision 071).
  const secondStepFollows = registrant !== null && (await registrantHasTotp(registrant.id));
  const account = await checkCredentials(who, input.email, input.password, clientAddress, registrant, {
    secondStepFollows,
  });
  const claims: Extract<SessionClaims, { kind: "registrant" }> = {
    kind: "registrant",
    sub: account.id,
    resellerId: storefront.resellerId,
    host: storefront.host,
    sv: account.sessionVersion,
  };
  return { claims };
}
