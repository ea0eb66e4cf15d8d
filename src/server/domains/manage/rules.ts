/**
 * Pure input rules for management forms: DS records (RFC 4034 / RFC 5910) and nameservers with glue.
 * Each problem names the rule it broke, keyed by field so a form can show it beside the input.
 */
import { isIP } from "node:net";

/** IANA DNSSEC algorithm numbers in use (1, 3, 6, 12 are deprecated and refused by registries). */
export const DS_ALGORITHMS: Record<number, string> = {
  5: "RSASHA1",
  7: "RSASHA1-NSEC3-SHA1",
  8: "RSASHA256",
  10: "RSASHA512",
  13: "ECDSAP256SHA256",
  14: "ECDSAP384SHA384",
  15: "ED25519",
  16: "ED448",
};

/** Digest type -> hex length of the digest (SHA-1, SHA-256, SHA-384). */
export const DS_DIGESTS: Record<number, { name: string; hexLength: number }> = {
  1: { name: "SHA-1", hexLength: 40 },
  2: { name: "SHA-256", hexLength: 64 },
  4: { name: "SHA-384", hexLength: 96 },
};

export type DsInput = { keyTag: number; alg: number; digestType: number; digest: string };

export function dsProblems(ds: DsInput, prefix = ""): Record<string, string> {
  const p: Record<string, string> = {};
  if (!Number.isInteger(ds.keyTag) || ds.keyTag < 0 || ds.keyTag > 65535)
    p[`${prefix}keyTag`] = "The key tag is a whole number from 0 to 65535.";
  if (!DS_ALGORITHMS[ds.alg]) p[`${prefix}alg`] = `Algorithm must be one of ${Object.keys(DS_ALGORITHMS).join(", ")}.`;
  const digest = DS_DIGESTS[ds.digestType];
  if (!digest) p[`${prefix}digestType`] = "Digest type must be 1 (SHA-1), 2 (SHA-256) or 4 (SHA-384).";
  const hex = ds.digest.replace(/\s+/g, "");
  if (!/^[0-9a-fA-F]+$/.test(hex)) p[`${prefix}digest`] = "The digest is hexadecimal (0-9, A-F).";
  else if (digest && hex.length !== digest.hexLength)
    p[`${prefix}digest`] =
      `A ${digest.name} digest is ${digest.hexLength} hexadecimal characters; this one has ${hex.length}.`;
  return p;
}

export function normaliseDs(ds: DsInput): DsInput {
  return { ...ds, digest: ds.digest.replace(/\s+/g, "").toUpperCase() };
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function hostNameProblem(host: string): string | null {
  if (host.length > 253) return "A host name is at most 253 characters.";
  const labels = host.split(".");
  if (labels.length < 3) return "A name server needs at least three labels, like ns1.example.com.";
  if (!labels.every((l) => LABEL.test(l)))
    return "Each label uses letters, digits and hyphens, 1-63 long, not starting or ending with a hyphen.";
  return null;
}

export type NameserverInput = { host: string; addresses: string[] };

/** Name servers under the domain itself need glue (at least one address); others must have none. */
export function nameserverProblems(domainName: string, list: NameserverInput[]): Record<string, string> {
  const p: Record<string, string> = {};
  if (list.length < 2) p.nameservers = "Give at least two name servers.";
  if (list.length > 13) p.nameservers = "At most 13 name servers.";
  const seen = new Set<string>();
  list.forEach((ns, i) => {
    const key = `ns${i}`;
    const problem = hostNameProblem(ns.host);
    if (problem) p[key] = problem;
    else if (seen.has(ns.host)) p[key] = "This name server is listed twice.";
    seen.add(ns.host);
    const inBailiwick = isSubordinate(ns.host, domainName);
    if (inBailiwick && ns.addresses.length === 0)
      p[key] ??= `${ns.host} is under ${domainName}, so it needs at least one IP address (glue).`;
    if (!inBailiwick && ns.addresses.length > 0)
      p[key] ??= `${ns.host} is not under ${domainName}; addresses (glue) are only for hosts under the domain.`;
    for (const a of ns.addresses) if (!isIP(a)) p[key] ??= `${a} is not an IPv4 or IPv6 address.`;
  });
  return p;
}

export function isSubordinate(host: string, domainName: string): boolean {
  return host.endsWith(`.${domainName}`);
}

/** "ns1.example.com 192.0.2.1 2001:db8::1" per line or comma: host then its glue addresses. */
export function parseNameserverLines(text: string): NameserverInput[] {
  return text
    .split(/[\n,;]+/)
    .map((l) => l.trim().toLowerCase().replace(/\.$/, ""))
    .filter(Boolean)
    .map((l) => {
      const [host, ...addresses] = l.split(/\s+/);
      return { host: host.replace(/\.$/, ""), addresses };
    });
}
