/**
 * What an API key looks like: `rk_live_` or `rk_test_`, then 32 random bytes in base64url. Only the
 * SHA-256 of the whole key is stored (docs/decisions/088-reseller-api-keys.md); people see the
 * prefix and the first characters of the secret, enough to tell their keys apart.
 */
import { createHash, randomBytes } from "node:crypto";
import type { ApiKeyMode } from "@/generated/prisma/enums";

const PREFIX: Record<ApiKeyMode, string> = { live: "rk_live_", test: "rk_test_" };
const SHAPE = /^rk_(live|test)_[A-Za-z0-9_-]{43}$/;

export function newKeySecret(mode: ApiKeyMode): { key: string; displayPrefix: string; secretHash: string } {
  const key = PREFIX[mode] + randomBytes(32).toString("base64url");
  return { key, displayPrefix: key.slice(0, PREFIX[mode].length + 8), secretHash: hashKey(key) };
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Whether a presented token could be one of our keys at all (saves a lookup for garbage). */
export function looksLikeKey(token: string): boolean {
  return SHAPE.test(token);
}
