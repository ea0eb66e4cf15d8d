/**
 * A domain name passed in a link (`?name=`) to fill a form in: one value, at most a domain name's
 * length, letters, digits, dots and hyphens only. Anything else fills nothing; the form checks it again.
 */
export function prefillName(raw: string | string[] | undefined): string | undefined {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v || v.length > 253 || !/^[a-z0-9.-]+$/i.test(v)) return undefined;
  return v.toLowerCase();
}
