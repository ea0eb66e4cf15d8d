/**
 * CIDR allowlists for API keys. Entries are parsed and bounded when the key is made (IPv4 or IPv6,
 * a bare address meaning one host) and matched with Node's BlockList, which compares addresses
 * numerically, so "::ffff:192.0.2.1" or zero-padded spellings cannot slip past a string match.
 */
import { BlockList, isIP } from "node:net";

export const MAX_CIDRS = 32;

export type Cidr = { address: string; prefix: number; family: "ipv4" | "ipv6" };

/** One entry in canonical text form, or an error in words. */
export function parseCidr(raw: string): { ok: true; cidr: Cidr; text: string } | { ok: false; error: string } {
  const entry = raw.trim();
  const slash = entry.indexOf("/");
  const address = (slash === -1 ? entry : entry.slice(0, slash)).toLowerCase();
  const version = isIP(address);
  if (version === 0) return { ok: false, error: `${entry || "(empty)"} is not an IPv4 or IPv6 address.` };
  const family = version === 4 ? "ipv4" : "ipv6";
  const max = version === 4 ? 32 : 128;
  const prefixText = slash === -1 ? String(max) : entry.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max)
    return { ok: false, error: `${entry}: the prefix length must be 0 to ${max}.` };
  const prefix = Number(prefixText);
  return { ok: true, cidr: { address, prefix, family }, text: `${address}/${prefix}` };
}

/** The whole list, or one error per bad entry (keyed by its position). */
export function parseCidrList(
  entries: string[],
): { ok: true; cidrs: string[] } | { ok: false; errors: Record<string, string> } {
  const list = entries.map((e) => e.trim()).filter(Boolean);
  if (list.length > MAX_CIDRS) return { ok: false, errors: { allowedCidrs: `At most ${MAX_CIDRS} entries.` } };
  const errors: Record<string, string> = {};
  const cidrs: string[] = [];
  list.forEach((entry, i) => {
    const r = parseCidr(entry);
    if (r.ok) cidrs.push(r.text);
    else errors[`allowedCidrs.${i}`] = r.error;
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, cidrs: [...new Set(cidrs)] };
}

/** Whether `address` falls in one of `cidrs`; an empty list allows every address. */
export function addressAllowed(cidrs: string[], address: string): boolean {
  if (!cidrs.length) return true;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  const ip = mapped ? mapped[1] : address;
  const version = isIP(ip);
  if (version === 0) return false;
  const list = new BlockList();
  for (const text of cidrs) {
    const r = parseCidr(text);
    if (r.ok) list.addSubnet(r.cidr.address, r.cidr.prefix, r.cidr.family);
  }
  return list.check(ip, version === 4 ? "ipv4" : "ipv6");
}
