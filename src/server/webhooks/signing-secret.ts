/**
 * Standard Webhooks secrets: "whsec_" and 32 random bytes in base64 (the spec accepts 24 to 64).
 * Stored sealed, shown once; the console shows only the prefix and 8 characters afterwards.
 */
import { randomBytes } from "node:crypto";
import { sealSecret } from "@/server/crypto/sealed-secret";

export function newSigningSecret(): { secret: string; secretEnc: string; secretPrefix: string } {
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  return { secret, secretEnc: sealSecret(secret), secretPrefix: secret.slice(0, 14) };
}
