/**
 * The audit chains' HMAC keys, read from the environment so that someone who can write the database
 * cannot recompute a valid chain. Each entry names its key by id; the id is derived from the key, so
 * rotating is: move the old key into AUDIT_HMAC_PREVIOUS_KEYS and set a new AUDIT_HMAC_KEY.
 */
import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/env";

export type AuditKey = { id: string; secret: string };
export type AuditKeyRing = { current: AuditKey; byId: Map<string, AuditKey> };

/** A fingerprint, not the key: an HMAC of a fixed label, so the stored id reveals nothing usable. */
export function auditKeyId(secret: string): string {
  return createHmac("sha256", secret).update("audit-key-id").digest("hex").slice(0, 16);
}

export function buildKeyRing(current: string, previous: string[] = []): AuditKeyRing {
  const keys = [current, ...previous].map((secret) => ({ id: auditKeyId(secret), secret }));
  return { current: keys[0] as AuditKey, byId: new Map(keys.map((k) => [k.id, k])) };
}

let cached: AuditKeyRing | undefined;

export function auditKeyRing(): AuditKeyRing {
  if (cached) return cached;
  const e = env();
  // env() leaves the key unset in production unless one was given: refuse rather than sign with nothing.
  if (!e.AUDIT_HMAC_KEY)
    throw new Error("AUDIT_HMAC_KEY is not set: the audit log cannot be written or checked without it");
  const previous = (e.AUDIT_HMAC_PREVIOUS_KEYS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  cached = buildKeyRing(e.AUDIT_HMAC_KEY, previous);
  return cached;
}
