/**
 * Auth codes: sealed at rest with the data keys (src/server/crypto/sealed-secret.ts), and new codes
 * with 128+ bits of entropy in the character classes registries require (RFC 9154).
 */
import { randomInt } from "node:crypto";
import { openSecret, sealSecret } from "@/server/crypto/sealed-secret";

export function encryptAuthCode(code: string): string {
  return sealSecret(code);
}

export function decryptAuthCode(stored: string): string | null {
  return openSecret(stored);
}

const CLASSES = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "-_+="];

/** 16 characters from ~70 symbols (~98 bits) plus one from each class: well over 100 bits of entropy. */
export function generateAuthCode(): string {
  const all = CLASSES.join("");
  const chars = [
    ...CLASSES.map((c) => c[randomInt(c.length)]),
    ...Array.from({ length: 16 }, () => all[randomInt(all.length)]),
  ];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}
