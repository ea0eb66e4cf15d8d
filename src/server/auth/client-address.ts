/**
 * The client address behind sign-in limits and session records. X-Forwarded-For is read from the
 * right: the last entry is the socket's peer (Next fills it, and our preload appends it when a
 * client sent the header itself: scripts/lib/peer-address.mjs), and each trusted proxy added one
 * entry before it. Everything further left is whatever the client claimed, so it is never used
 * (docs/decisions/068-sign-in-limits-and-sessions.md).
 */
export function clientAddressFrom(forwardedFor: string | null | undefined, trustedProxies: number): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  if (hops.length === 0) return "unknown";
  // With fewer hops than trusted proxies the chain is shorter than configured: the left-most entry
  // is the furthest we can see (as Express's hop-count trust does).
  const hop = hops[Math.max(0, hops.length - 1 - trustedProxies)];
  return normaliseAddress(hop);
}

/** IPv4 peers of a dual-stack socket appear as "::ffff:203.0.113.5"; one address, one key. */
function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return (mapped ? mapped[1] : address).toLowerCase().slice(0, 64);
}
