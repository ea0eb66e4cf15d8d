/**
 * The names a registrant types for a key made in their browser (the order page, where no certificate
 * names them yet): separated by commas or spaces, the first becoming the subject's common name.
 * Internationalised names become their A-labels (the search's IDNA rules, `parseHostName`), which is
 * what a CSR carries; the platform's CSR checks still judge each name (registrable, wildcard rules)
 * when the request is posted.
 */
import { DomainNameError, parseHostName } from "./domain-name";

export const MAX_TYPED_NAMES = 100;

export type TypedNames = { ok: true; names: string[] } | { ok: false; problem: string };

/** A typed name as its A-labels, a wildcard's `*.` kept in front; or why it is not a host name. */
function aLabels(name: string): { ascii: string } | { problem: string } {
  const wildcard = name.startsWith("*.");
  try {
    const { ascii } = parseHostName(wildcard ? name.slice(2) : name);
    return { ascii: wildcard ? `*.${ascii}` : ascii };
  } catch (e) {
    if (e instanceof DomainNameError) return { problem: `${name}: ${e.message}` };
    throw e;
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
    const read = aLabels(name);
    if ("problem" in read) return { ok: false, problem: read.problem };
    if (!names.includes(read.ascii)) names.push(read.ascii);
  }
  return { ok: true, names };
}
