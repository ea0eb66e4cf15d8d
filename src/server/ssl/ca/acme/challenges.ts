/** ACME authorizations as the port's DCV challenges: dns-01 → DNS TXT, http-01 → HTTP file (RFC 8555 §8.3-8.4). */
import type * as acme from "acme-client";
import type { ChallengeState, DcvChallenge, DcvMethod } from "../port";

export type AcmeChallengeType = "dns-01" | "http-01";

export const ACME_CHALLENGE_TYPE: Partial<Record<DcvMethod, AcmeChallengeType>> = {
  "dns-txt": "dns-01",
  "http-file": "http-01",
};

const METHOD_OF: Record<AcmeChallengeType, DcvMethod> = { "dns-01": "dns-txt", "http-01": "http-file" };

type AcmeChallenge = acme.Authorization["challenges"][number];

function problemDetail(problem: object | undefined): string | undefined {
  if (!problem) return undefined;
  const { detail, type } = problem as { detail?: unknown; type?: unknown };
  return String(detail ?? type ?? "validation failed");
}

/** The challenge we work with in this authorization: the chosen type, or whichever one already passed. */
export function pickChallenge(authz: acme.Authorization, type: AcmeChallengeType): AcmeChallenge | undefined {
  return (
    authz.challenges.find((c) => c.type === type) ??
    authz.challenges.find((c) => c.status === "valid" && (c.type === "dns-01" || c.type === "http-01"))
  );
}

function stateOf(authz: acme.Authorization, challenge: AcmeChallenge): ChallengeState {
  if (authz.status === "valid") return "valid";
  if (authz.status !== "pending") return "invalid"; // invalid, expired, revoked, deactivated
  return challenge.status;
}

export async function toDcvChallenge(
  client: acme.Client,
  authz: acme.Authorization,
  type: AcmeChallengeType,
): Promise<DcvChallenge> {
  const name = authz.identifier.value;
  const challenge = pickChallenge(authz, type);
  if (!challenge) {
    return {
      name,
      method: METHOD_OF[type],
      state: "invalid",
      error: `The CA offers no ${type} challenge for ${authz.wildcard ? "*." : ""}${name}.`,
    };
  }
  const challengeType = challenge.type as AcmeChallengeType;
  // For dns-01 acme-client returns the digest that goes into the TXT record, not the raw key authorization.
  const keyAuthorization = await client.getChallengeKeyAuthorization(challenge);
  const common = {
    name,
    method: METHOD_OF[challengeType],
    state: stateOf(authz, challenge),
    error: problemDetail(challenge.error),
  };
  if (challengeType === "dns-01")
    return { ...common, dnsRecordName: `_acme-challenge.${name}`, dnsRecordValue: keyAuthorization };
  return { ...common, httpPath: `/.well-known/acme-challenge/${challenge.token}`, httpBody: keyAuthorization };
}
