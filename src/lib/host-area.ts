/**
 * The host decides the area (DESIGN §9.1). The console host serves its own routes; every other host
 * is a reseller's storefront, rewritten into `src/app/(storefront)/[host]/…` under one path segment
 * that names the host. Pure and framework-free so that the proxy only routes and tests can cover
 * every case.
 *
 * Segment encoding (docs/decisions/010-host-routing.md): `~` + host with its `:` replaced by `_`, so
 * `acme.localhost:3000` becomes `~acme.localhost_3000`. Neither `~` nor `_` can occur in a valid
 * host name, so decoding is unambiguous, and the leading `~` lets the proxy refuse any console-host
 * path that tries to reach a storefront by path.
 */
export const STOREFRONT_SEGMENT_MARK = "~";
/** Where malformed hosts land: `.invalid` is reserved (RFC 2606), so no reseller can own it. */
export const UNKNOWN_HOST = "unknown.invalid";

const HOST = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::\d{1,5})?$/;

export type HostArea = { area: "console" } | { area: "storefront"; host: string };

export type ProxyDecision =
  { action: "next" } | { action: "rewrite"; pathname: string } | { action: "not-found"; pathname: string };

/** The route no page lives at: rewriting to it renders the app's not-found page. */
export const NOT_FOUND_PATH = "/_no-such-route";

/**
 * The host a request was made to, read the way Next.js reads it for its own server-action origin
 * check: the first X-Forwarded-Host value, else Host. Next sets X-Forwarded-Host from Host when no
 * proxy did, and its internal fetch after a server-action redirect keeps X-Forwarded-Host but not
 * Host, so reading it first is what keeps that render on the right storefront.
 */
export function requestHostHeader(headers: { get(name: string): string | null }): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/** A Host header in canonical form, or null when it is missing or is not a plain DNS name. */
export function canonicalHost(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // The same canonical form as stored host names (src/lib/host-names.ts), but stricter: a header
  // carrying a scheme or path is malformed, not something to tidy up.
  const host = raw
    .trim()
    .toLowerCase()
    .replace(/\.(?=$|:)/, "");
  return HOST.test(host) && !host.includes("..") ? host : null;
}

export function hostArea(rawHost: string | null | undefined, consoleHost: string): HostArea {
  const host = canonicalHost(rawHost);
  if (host !== null && host === canonicalHost(consoleHost)) return { area: "console" };
  return { area: "storefront", host: host ?? UNKNOWN_HOST };
}

export function encodeHostSegment(host: string): string {
  return STOREFRONT_SEGMENT_MARK + host.replace(":", "_");
}

/** The host a `[host]` segment names, or null when the segment was not made by encodeHostSegment. */
export function decodeHostSegment(segment: string): string | null {
  let raw = segment;
  try {
    raw = decodeURIComponent(segment);
  } catch {
    return null;
  }
  if (!raw.startsWith(STOREFRONT_SEGMENT_MARK)) return null;
  const host = raw.slice(1).replace("_", ":");
  return host === UNKNOWN_HOST || canonicalHost(host) === host ? host : null;
}

/** Where RDAP's route handler lives (src/app/rdap). */
export const RDAP_PATH = "/rdap";

/**
 * Paths every host serves as they are: route handlers (auth included), RDAP (a registrant's session
 * cookie exists only on their storefront's host, and RDAP shows them their own data: decision 087),
 * Next's assets, public files.
 */
function passesThrough(pathname: string): boolean {
  return (
    pathname === "/api" ||
    pathname.startsWith("/api/") ||
    pathname === RDAP_PATH ||
    pathname.startsWith(`${RDAP_PATH}/`) ||
    pathname.startsWith("/_next/") ||
    pathname.startsWith("/assets/") ||
    pathname === "/favicon.ico"
  );
}

function firstSegment(pathname: string): string {
  return pathname.split("/")[1] ?? "";
}

export function routeRequest(
  rawHost: string | null | undefined,
  pathname: string,
  consoleHost: string,
  rdapHost?: string | null,
): ProxyDecision {
  const where = hostArea(rawHost, consoleHost);
  if (where.area === "console") {
    // A storefront segment typed on the console host must never reach a storefront by path.
    let first = firstSegment(pathname);
    try {
      first = decodeURIComponent(first);
    } catch {
      return { action: "not-found", pathname: NOT_FOUND_PATH };
    }
    if (first.startsWith(STOREFRONT_SEGMENT_MARK)) return { action: "not-found", pathname: NOT_FOUND_PATH };
    return { action: "next" };
  }
  // The RDAP host serves RDAP only, with its base URL at the root.
  if (rdapHost && where.host === canonicalHost(rdapHost))
    return { action: "rewrite", pathname: `${RDAP_PATH}${pathname}` };
  if (passesThrough(pathname)) return { action: "next" };
  const rest = pathname === "/" ? "" : pathname;
  return { action: "rewrite", pathname: `/${encodeHostSegment(where.host)}${rest}` };
}
