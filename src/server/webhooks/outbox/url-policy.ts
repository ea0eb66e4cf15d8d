/**
 * Which URLs a webhook may be sent to. In production a reseller must not be able to make the platform
 * call its own network (SSRF): https only, no host name that only means something inside, and no
 * address that is private, loopback, link-local or otherwise not on the public internet, whether
 * written in the URL or returned by DNS (the sender checks again at connect time, against rebinding).
 * Development and tests may send to http://localhost receivers.
 */
import { BlockList, isIP } from "node:net";

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, "ipv6");

/** An IPv4 address carried inside an IPv6 one (mapped, compatible or NAT64), checked as IPv4. */
function embeddedIpv4(address: string): string | null {
  const m = /^(?:::ffff:|::|64:ff9b::)(?:0{1,4}:)?([\d.]+)$/i.exec(address);
  if (m && isIP(m[1]) === 4) return m[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const n = (parseInt(hex[1], 16) << 16) | parseInt(hex[2], 16);
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".");
}

export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").split("%")[0];
  const family = isIP(bare);
  if (family === 0) return false;
  if (family === 6) {
    const v4 = embeddedIpv4(bare.toLowerCase());
    if (v4) return !NOT_PUBLIC.check(v4, "ipv4");
    return !NOT_PUBLIC.check(bare, "ipv6");
  }
  return !NOT_PUBLIC.check(bare, "ipv4");
}

const INTERNAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|localdomain)$/i;

/** The URL's own text: scheme, credentials, host. DNS answers are checked separately. */
export function checkWebhookUrl(raw: string, opts: { production: boolean }): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "This is not a URL." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "Use an https:// URL." };
  if (url.username || url.password) return { ok: false, reason: "Leave user names and passwords out of the URL." };
  if (url.hash) return { ok: false, reason: "Leave the #fragment out of the URL." };
  if (raw.length > 2_000) return { ok: false, reason: "The URL is too long." };
  if (!opts.production) return { ok: true, url };
  if (url.protocol !== "https:") return { ok: false, reason: "Use an https:// URL." };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    if (!isPublicAddress(host)) return { ok: false, reason: "The URL points at a private or reserved address." };
    return { ok: true, url };
  }
  // A name that is all digits and dots, or hex, is an address in disguise (http://2130706433/).
  if (/^[\d.]+$/.test(host) || /^0x/i.test(host) || !host.includes("."))
    return { ok: false, reason: "Use a public host name." };
  if (INTERNAL_NAME.test(host)) return { ok: false, reason: "The URL points at an internal host name." };
  return { ok: true, url };
}
