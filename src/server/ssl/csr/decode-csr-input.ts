/**
 * A CSR as a person pastes or uploads it (PEM text, or DER bytes) → DER, refusing anything large
 * before any parsing, so hostile input costs a size check and one linear scan.
 */
import { problem, type CsrProblem } from "./csr-problems";

/** Far above any sane CSR (an RSA-8192 request with 250 names is under 12 KiB), far below harm. */
export const MAX_CSR_BYTES = 32 * 1024;

const BEGIN = /-----BEGIN (NEW )?CERTIFICATE REQUEST-----/;
const END = /-----END (NEW )?CERTIFICATE REQUEST-----/;

function isBase64Char(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
}

function pemBody(text: string): Buffer | null {
  const begin = BEGIN.exec(text);
  if (!begin) return null;
  const rest = text.slice(begin.index + begin[0].length);
  const end = END.exec(rest);
  if (!end) return null;
  let b64 = "";
  let padding = 0;
  for (const ch of rest.slice(0, end.index)) {
    const c = ch.charCodeAt(0);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c === 0x3d) padding++;
    else if (padding > 0 || !isBase64Char(c)) return null;
    b64 += ch;
  }
  if (padding > 2 || b64.length % 4 !== 0) return null;
  return Buffer.from(b64, "base64");
}

export function decodeCsrInput(input: string | Uint8Array): { der: Buffer } | { problem: CsrProblem } {
  const size = typeof input === "string" ? Buffer.byteLength(input) : input.byteLength;
  if (size > MAX_CSR_BYTES) {
    return {
      problem: problem(
        "input_too_large",
        `This file is larger than ${MAX_CSR_BYTES / 1024} KiB, more than any certificate request. Check that you chose the .csr file.`,
      ),
    };
  }
  const notCsr = {
    problem: problem(
      "not_a_csr",
      "This is not a certificate signing request. Paste the whole text from “-----BEGIN CERTIFICATE REQUEST-----” to the END line, or upload the .csr file.",
    ),
  };
  const bytes = typeof input === "string" ? null : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  // DER starts with a SEQUENCE tag; anything else is read as PEM text.
  if (bytes && bytes[0] === 0x30) return { der: bytes };
  const der = pemBody(typeof input === "string" ? input : bytes!.toString("latin1"));
  if (!der || der[0] !== 0x30) return notCsr;
  return { der };
}
