/**
 * The Trademark Claims Notice id (standards.md 1.9): 8 hex digits of CRC32(label + notAfter in epoch
 * seconds + the 19-digit id), then that id. Registries check the checksum on every claims create.
 */
import { crc32 } from "node:zlib";

export function makeTcnid(label: string, notAfter: Date, id: bigint | string): string {
  const digits = id.toString().padStart(19, "0");
  if (!/^\d{19}$/.test(digits)) throw new Error("A TCNID's id is at most 19 decimal digits.");
  const seconds = Math.floor(notAfter.getTime() / 1000);
  return crc32(`${label}${seconds}${digits}`).toString(16).padStart(8, "0") + digits;
}
