/**
 * The one gate for "come back here" paths (`?next=` after sign-in, and any other return path a
 * request carries). Only a same-origin absolute path passes, in its normalised form; anything a
 * browser or a proxy could turn into another origin is refused (docs/decisions/066-security-headers-and-input-limits.md).
 */
const PROBE_ORIGIN = "http://next-path.invalid";
const MAX_LENGTH = 2048;
// Browsers drop tab/CR/LF inside URLs and read `\` as `/`, so `/\t/evil.com` becomes `//evil.com`.
const UNSAFE_CHAR = /[\s\\\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/u;

function layers(raw: string): string[] | null {
  // Each decoding a proxy or server might apply once more, until nothing changes.
  const out = [raw];
  for (let i = 0; i < 3; i += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(out[out.length - 1]);
    } catch {
      return null;
    }
    if (decoded === out[out.length - 1]) break;
    out.push(decoded);
  }
  return out;
}

function looksSafe(s: string): boolean {
  return s.startsWith("/") && !s.startsWith("//") && !UNSAFE_CHAR.test(s);
}

/**
 * `next` as a normalised same-origin path (path, query, fragment), or null. With `under`, the path
 * must also be that path or below it (`/console` admits `/console/x`, not `/consoles`).
 */
export function safeNextPath(next: string | null | undefined, opts: { under?: string } = {}): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > MAX_LENGTH) return null;
  const all = layers(next);
  if (!all || !all.every(looksSafe)) return null;
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!looksSafe(path)) return null;
  const base = opts.under?.replace(/\/+$/, "");
  if (base !== undefined && url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return null;
  return path;
}
