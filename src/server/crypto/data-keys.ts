/**
 * The keys stored secrets are encrypted with (DATA_KEYS), kept apart from AUTH_SECRET so either can
 * be rotated alone. DATA_KEYS is "id:key,id:key,…" with 32-byte keys in base64; the first encrypts,
 * the others only decrypt, so a new key goes in front and the old one leaves after `npm run keys:rotate`.
 */
import { createHash } from "node:crypto";
import { env, type Env } from "@/env";

export type DataKey = { id: string; key: Buffer };

/** Development and tests only; the production check refuses it. */
export const DEV_DATA_KEY_ID = "dev";
export const DEV_DATA_KEYS = `${DEV_DATA_KEY_ID}:${createHash("sha256").update("development-only-data-key").digest("base64")}`;

/** Reserved for rows written before DATA_KEYS existed (key derived from AUTH_SECRET). */
export const LEGACY_KEY_ID = "legacy";

const ID = /^[A-Za-z0-9_-]{1,32}$/;

export function parseDataKeys(raw: string): DataKey[] {
  const keys = raw
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf(":");
      const id = part.slice(0, at);
      if (at < 1 || !ID.test(id) || id === LEGACY_KEY_ID)
        throw new Error(
          `DATA_KEYS: "${id || part.slice(0, 8)}" is not a key id (letters, digits, - and _; not "${LEGACY_KEY_ID}")`,
        );
      const key = Buffer.from(part.slice(at + 1), "base64");
      if (key.length !== 32)
        throw new Error(`DATA_KEYS: key "${id}" must be 32 bytes in base64 (openssl rand -base64 32)`);
      return { id, key };
    });
  if (!keys.length) throw new Error("DATA_KEYS: no key given");
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error("DATA_KEYS: a key id appears twice");
  return keys;
}

/** DATA_KEYS as configured, or the development key where development secrets are allowed. */
export function configuredDataKeys(e: Pick<Env, "DATA_KEYS" | "NODE_ENV" | "ALLOW_DEV_SECRETS">): string | undefined {
  if (e.DATA_KEYS?.trim()) return e.DATA_KEYS;
  return e.NODE_ENV !== "production" || e.ALLOW_DEV_SECRETS ? DEV_DATA_KEYS : undefined;
}

let cache: { raw: string; keys: DataKey[] } | undefined;

/** The keyring, newest first. Re-read when the env changes (tests rotate keys in place). */
export function dataKeys(): DataKey[] {
  const raw = configuredDataKeys(env());
  if (!raw) throw new Error("DATA_KEYS is not set (required in production)");
  if (cache?.raw !== raw) cache = { raw, keys: parseDataKeys(raw) };
  return cache.keys;
}
