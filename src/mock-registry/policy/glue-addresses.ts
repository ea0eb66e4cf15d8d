/**
 * Glue a registry publishes must be reachable from the Internet: loopback, private, link-local and
 * other non-routable addresses are refused (2306), as real registries do. Documentation ranges
 * (192.0.2.0/24, 2001:db8::/32) stay allowed so examples and tests can use them.
 */
import { BlockList, isIPv4 } from "node:net";
import type { HostAddr } from "../model/records";
import { fail } from "../model/result-codes";

const NOT_ROUTABLE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  NOT_ROUTABLE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  NOT_ROUTABLE.addSubnet(net, prefix, "ipv6");

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), if it is one. */
function mappedV4(addr: string): string | undefined {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(addr);
  return m && isIPv4(m[1]) ? m[1] : undefined;
}

export function checkGlueRoutable(addrs: HostAddr[]): void {
  for (const a of addrs) {
    const v4 = a.ip === "v4" ? a.addr : mappedV4(a.addr);
    const blocked = v4 !== undefined ? NOT_ROUTABLE.check(v4, "ipv4") : NOT_ROUTABLE.check(a.addr, "ipv6");
    if (blocked)
      fail(2306, "Host addresses must be public: loopback, private and link-local addresses are refused.", a.addr);
  }
}
