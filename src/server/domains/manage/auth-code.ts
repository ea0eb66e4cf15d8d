/**
 * Auth codes at rest: AES-256-GCM with a key derived from AUTH_SECRET (Domain.authInfoEnc), and new
 * codes with 128+ bits of entropy in the character classes registries require (RFC 9154).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from "node:crypto";
import { env } from "@/env";

function key(): Buffer {
  return createHash("sha256").update(`domain-auth-info:${env().AUTH_SECRET}`).digest();
}

export function encryptAuthCode(code: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(code, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptAuthCode(stored: string): string | null {
  const [v, iv, tag, body] = stored.split(".");
  if (v !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

const CLASSES = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "-_+="];

/** 16 characters from ~70 symbols (~98 bits) plus one from each class: well over 100 bits of entropy. */
export function generateAuthCode(): string {
  const all = CLASSES.join("");
  const chars = [...CLASSES.map((c) => c[randomInt(c.length)]), ...Array.from({ length: 16 }, () => all[randomInt(all.length)])];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}
