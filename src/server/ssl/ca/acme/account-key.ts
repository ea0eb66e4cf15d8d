/** A new ACME account key, PEM: the operator stores it as a secret and hands it back in the config. */
import * as acme from "acme-client";

export async function newAcmeAccountKeyPem(): Promise<string> {
  // P-256: ES256 is the one JWS algorithm every ACME CA must accept besides RS256, and the key is small.
  return (await acme.crypto.createPrivateEcdsaKey("P-256")).toString();
}
