/**
 * The three forms an SMD arrives in, to XML text: the file the TMCH issues (a header and a
 * `-----BEGIN ENCODED SMD-----` block), the raw `<smd:signedMark>` XML, or the bare base64 an EPP
 * `smd:encodedSignedMark` carries. Bounded before any work: a real SMD is a few kilobytes.
 */
import { SmdRefusal } from "./reason-codes";

/** ICANN's IDN SMDs with many labels stay well below this; the pilot ones are about 9 kB. */
export const MAX_SMD_BYTES = 256 * 1024;

const BEGIN = "-----BEGIN ENCODED SMD-----";
const END = "-----END ENCODED SMD-----";
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SmdRefusal("malformed", "The SMD is not UTF-8 text.");
  }
}

function fromBase64(block: string): string {
  const compact = block.replace(/\s+/g, "");
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new SmdRefusal("malformed", "The encoded SMD is not valid base64.");
  }
  return utf8(Buffer.from(compact, "base64"));
}

export function decodeSmdInput(input: string | Uint8Array): string {
  const size = typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.byteLength;
  if (size > MAX_SMD_BYTES) throw new SmdRefusal("too-large", `The SMD is larger than ${MAX_SMD_BYTES} bytes.`);
  const text = typeof input === "string" ? input : utf8(input);
  const begin = text.indexOf(BEGIN);
  if (begin >= 0) {
    const end = text.indexOf(END, begin);
    if (end < 0) throw new SmdRefusal("malformed", "The SMD file has no end marker.");
    return fromBase64(text.slice(begin + BEGIN.length, end));
  }
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  return trimmed.startsWith("<") ? trimmed : fromBase64(trimmed);
}
