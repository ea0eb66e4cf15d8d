/**
 * Logo files are recognised by their first bytes, never by name or declared type: PNG, JPEG and WebP
 * only. SVG is refused on purpose, because an SVG is a document that can carry script.
 */
export const LOGO_MAX_BYTES = 256 * 1024;
export type LogoMime = "image/png" | "image/jpeg" | "image/webp";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, sig: number[], offset = 0): boolean {
  if (bytes.length < offset + sig.length) return false;
  return sig.every((b, i) => bytes[offset + i] === b);
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

export function detectImageType(bytes: Uint8Array): LogoMime | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

/** A user-facing reason the file cannot be a logo, or null when it can. */
export function logoProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "Choose an image file to upload.";
  if (bytes.length > LOGO_MAX_BYTES)
    return `The logo is ${Math.ceil(bytes.length / 1024)} KB; the limit is ${LOGO_MAX_BYTES / 1024} KB.`;
  if (!detectImageType(bytes))
    return "The logo must be a PNG, JPEG or WebP image (SVG and other formats are not accepted).";
  return null;
}
