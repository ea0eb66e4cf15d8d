/**
 * The names a registrant types for a key made in their browser (the order page, where no certificate
 * names them yet): separated by commas or spaces, the first becoming the subject's common name.
 * Internationalised names become their A-labels, which is what a CSR carries; the platform's CSR
 * checks still judge each name (registrable, wildcard rules) when the request is posted.
 */
export const MAX_TYPED_NAMES = 100;

export type TypedNames = { ok: true; names: string[] } | { ok: false; problem: string };

function aLabels(name: string): string | null {
  if (/^[\x21-\x7e]+$/.test(name)) return name;
  const wildcard = name.startsWith("*.");
  try {
    const host = new URL(`http://${wildcard ? name.slice(2) : name}`).hostname;
    return wildcard ? `*.${host}` : host;
  } catch {
    return null;
  }
}

export function parseTypedNames(text: string): TypedNames {
  const typed = text
    .slice(0, 10_000)
    .split(/[\s,;]+/)
    .map((n) => n.trim().toLowerCase().replace(/\.$/, ""))
    .filter(Boolean);
  if (typed.length === 0) return { ok: false, problem: "Type the names the certificate is for." };
  if (typed.length > MAX_TYPED_NAMES) return { ok: false, problem: `At most ${MAX_TYPED_NAMES} names.` };
  const names: string[] = [];
  for (const name of typed) {
    const ascii = aLabels(name);
    if (!ascii) return { ok: false, problem: `${name} is not a host name.` };
    if (!names.includes(ascii)) names.push(ascii);
  }
  return { ok: true, names };
}
