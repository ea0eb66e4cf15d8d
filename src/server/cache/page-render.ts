/**
 * Which requests the storefront page cache answers, and how the proxy renders a missing page: a GET
 * to this same server over loopback, carrying only the Host the visitor used and the render token
 * (page-cache.ts), never the visitor's cookies, so what is cached is exactly the anonymous page.
 */
import http from "node:http";
import { CART_COUNT_COOKIE } from "@/lib/cart-count";
import { renderRequestHeaders, STATIC_STOREFRONT_PATHS, type RenderedPage } from "./page-cache";

/** What the proxy's request offers that these need (kept structural: src/server stays framework-free). */
type PageRequest = {
  method: string;
  nextUrl: { pathname: string; search: string };
  headers: { get(name: string): string | null; has(name: string): boolean };
  cookies: { has(name: string): boolean };
};

// Both spellings: the cookie's name depends on PUBLIC_SCHEME, and a stale one still means "signed in".
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
// Client-side navigation and server actions ask for RSC payloads, not the HTML this cache holds.
const RSC_HEADERS = [
  "rsc",
  "next-router-prefetch",
  "next-router-state-tree",
  "next-action",
  "next-router-segment-prefetch",
];

function anonymousPageGet(request: PageRequest): boolean {
  if (request.method !== "GET") return false;
  if (request.headers.has("x-storefront-page-render")) return false;
  if (RSC_HEADERS.some((h) => request.headers.has(h))) return false;
  // A signed-in visitor's header names them: that page is rendered for the request.
  return !SESSION_COOKIES.some((c) => request.cookies.has(c));
}

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

export function renderOverLoopback(request: PageRequest): Promise<RenderedPage> {
  const origin = selfOrigin();
  const headers: Record<string, string> = { ...renderRequestHeaders(), accept: "text/html" };
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
