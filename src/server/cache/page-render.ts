/**
 * Which requests the storefront page cache answers, and how the proxy renders a missing page: a GET
 * to this same server over loopback, carrying only the Host the visitor used and the render token
 * (page-cache.ts), never the visitor's cookies, so what is cached is exactly the anonymous page.
 */
import http from "node:http";
import { CART_COUNT_COOKIE } from "@/lib/cart-count";
import { RENDER_HEADER, renderRequestHeaders, STATIC_STOREFRONT_PATHS, type VisitorRender } from "./page-cache";

export const OWN_DOMAINS_PATH = "/account/domains";
/** The route handler the proxy hands a signed-in list to (src/app/api/storefront/own-domains). */
export const OWN_DOMAINS_ROUTE = "/api/storefront/own-domains";

/** What the proxy's request offers that these need (kept structural: src/server stays framework-free). */
type PageRequest = {
  method: string;
  nextUrl: { pathname: string; search: string };
  headers: { get(name: string): string | null; has(name: string): boolean };
  cookies: { has(name: string): boolean };
};

// Both spellings: the cookie's name depends on PUBLIC_SCHEME, and a stale one still means "signed in".
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
// Client-side navigation and server actions ask for RSC payloads, not the HTML this cache holds. Next
// strips these before the proxy today (see documentRequest); they are checked in case it stops.
const RSC_HEADERS = [
  "rsc",
  "next-router-prefetch",
  "next-router-state-tree",
  "next-action",
  "next-router-segment-prefetch",
];

/**
 * A browser's document load. Next takes its flight headers and `_rsc` off a request before the proxy
 * sees it (next/dist/server/web/adapter.js), so a client navigation's RSC fetch looks like a plain GET
 * here: answered with a cached HTML page it made the router give up and load the whole document. What
 * tells them apart is what the browser asks for: a navigation accepts text/html (and says
 * `Sec-Fetch-Dest: document` where fetch metadata is sent); the router's fetch accepts anything.
 */
function documentRequest(request: PageRequest): boolean {
  const dest = request.headers.get("sec-fetch-dest");
  return (request.headers.get("accept") ?? "").includes("text/html") && (dest === null || dest === "document");
}

/** A browser's GET of a whole page that a page cache may answer: not an RSC request, not our own render. */
function documentGet(request: PageRequest): boolean {
  if (request.method !== "GET" || !documentRequest(request)) return false;
  if (request.headers.has(RENDER_HEADER)) return false;
  return !RSC_HEADERS.some((h) => request.headers.has(h));
}

const signedIn = (request: PageRequest) => SESSION_COOKIES.some((c) => request.cookies.has(c));

// A signed-in visitor's header names them: that page is rendered for the request.
const anonymousPageGet = (request: PageRequest) => documentGet(request) && !signedIn(request);

export function cacheablePageRequest(request: PageRequest): boolean {
  if (request.nextUrl.search !== "" || !STATIC_STOREFRONT_PATHS.has(request.nextUrl.pathname)) return false;
  return anonymousPageGet(request);
}

// The search page marks what is in the visitor's cart: only a visitor without one sees the shared page.
const CART_COOKIES = ["cart", CART_COUNT_COOKIE];

/** An anonymous search with an empty cart (search-page-cache.ts, decision 110). */
export function cacheableSearchRequest(request: PageRequest): boolean {
  if (request.nextUrl.pathname !== "/search" || request.nextUrl.search === "") return false;
  if (CART_COOKIES.some((c) => request.cookies.has(c))) return false;
  return anonymousPageGet(request);
}

function selfOrigin(): URL {
  // next start records where it listens; a server bound to every interface answers on loopback.
  const origin = process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
  const url = new URL(origin);
  if (url.hostname === "localhost" || url.hostname === "0.0.0.0" || url.hostname === "[::]") url.hostname = "127.0.0.1";
  return url;
}

/**
 * A signed-in registrant's domain list (src/server/storefront-pages/own-domains-page.ts, decision
 * 145): a document GET of the page's own address, with no query but its cursor's, and a session cookie.
 */
export function ownDomainsPageRequest(request: PageRequest): boolean {
  if (request.nextUrl.pathname !== OWN_DOMAINS_PATH || !documentGet(request) || !signedIn(request)) return false;
  const keys = [...new URLSearchParams(request.nextUrl.search).keys()];
  return keys.length === 0 || (keys.length === 1 && keys[0] === "cursor");
}

/**
 * The page as the proxy would have it rendered: a GET of the same address on this server, with the
 * render token and, for a signed-in page, only the session cookie given (`cookie`).
 */
export function renderOverLoopback(request: PageRequest, cookie: string | null = null): Promise<VisitorRender> {
  const origin = selfOrigin();
  const headers: Record<string, string> = { ...renderRequestHeaders(), accept: "text/html" };
  if (cookie) headers.cookie = cookie;
  for (const name of ["host", "x-forwarded-host", "x-forwarded-proto"]) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: origin.hostname,
        port: origin.port,
        path: `${request.nextUrl.pathname}${request.nextUrl.search}`,
        method: "GET",
        headers,
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 500,
            html: Buffer.concat(chunks).toString("utf8"),
            contentType: String(res.headers["content-type"] ?? "text/html; charset=utf-8"),
            location: typeof res.headers.location === "string" ? res.headers.location : null,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("page render timed out")));
    req.on("error", reject);
    req.end();
  });
}
