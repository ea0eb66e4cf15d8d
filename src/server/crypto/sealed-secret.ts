/**
 * Secrets at rest (auth codes, and any other secret a row must hold): AES-256-GCM under a data key,
 * stored as "v2.<key id>.<iv>.<tag>.<body>" so a row names the key that opens it. Rows from before
 * data keys ("v1.<iv>.<tag>.<body>", key derived from AUTH_SECRET) read under the legacy key id
 * until `npm run keys:rotate` re-encrypts them (docs/decisions/069-production-mode-and-data-keys.md).
 */
import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/env";
import { dataKeys, LEGACY_KEY_ID } from "./data-keys";

function legacyKey(): Buffer {
  return createHash("sha256").update(`domain-auth-info:${env().AUTH_SECRET}`).digest();
}

type Parsed = { keyId: string; iv: string; tag: string; body: string };

function parse(stored: string): Parsed | null {
  const parts = stored.split(".");
  if (parts[0] === "v1" && parts.length === 4)
    return { keyId: LEGACY_KEY_ID, iv: parts[1], tag: parts[2], body: parts[3] };
  if (parts[0] === "v2" && parts.length === 5) return { keyId: parts[1], iv: parts[2], tag: parts[3], body: parts[4] };
  return null;
}

function keyFor(keyId: string): Buffer | undefined {
  if (keyId === LEGACY_KEY_ID) return legacyKey();
  return dataKeys().find((k) => k.id === keyId)?.key;
}

export function sealSecret(plain: string): string {
  const { id, key } = dataKeys()[0];
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    "v2",
    id,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

/** The plain secret, or null when the text is not ours, its key is gone or it was tampered with. */
export function openSecret(stored: string): string | null {
  const p = parse(stored);
  const key = p && keyFor(p.keyId);
  if (!p || !key) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(p.iv, "base64url"));
    decipher.setAuthTag(Buffer.from(p.tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(p.body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The prefix every row sealed under the current key starts with (rotation skips those rows). */
export function currentSealPrefix(): string {
  return `v2.${dataKeys()[0].id}.`;
}

export function sealedKeyId(stored: string): string | null {
  return parse(stored)?.keyId ?? null;
}
