/**
 * Host → area (DESIGN §2, §9.1). Routing only: no database, no authorisation — every page, action and
 * route handler authenticates and checks the tenant itself. The decision is the pure
 * `routeRequest` in src/lib/host-area.ts; this file only applies it, and puts the security headers
 * of src/lib/security-headers.ts on every answer (with a fresh CSP nonce for pages).
 * Storefront pages that are the same for every visitor are answered from the page cache
 * (src/server/cache/page-cache.ts, decision 095), and so are anonymous searches for a few seconds
 * (search-page-cache.ts, decision 110), still with a fresh nonce each; a signed-in registrant's domain
 * list goes to the route handler that answers it from its own page cache (decision 145).
 */
import { NextResponse, type NextRequest } from "next/server";
import { canonicalHost, requestHostHeader, routeRequest } from "@/lib/host-area";
import { isRouteHandlerPath, newNonce, securityHeaders } from "@/lib/security-headers";
import { env } from "@/env";
import { handoffHeaders, placeholderNonceFor, storefrontPage, withNonce } from "@/server/cache/page-cache";
import {
  cacheablePageRequest,
  cacheableSearchRequest,
  OWN_DOMAINS_ROUTE,
  ownDomainsPageRequest,
  renderOverLoopback,
} from "@/server/cache/page-render";
import { storefrontSearchPage } from "@/server/cache/search-page-cache";

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const decision = routeRequest(requestHostHeader(request.headers), pathname, env().CONSOLE_HOST, env().RDAP_HOST);
  // On the RDAP host every path is rewritten into the RDAP route handler.
  const handlerPath = decision.action === "rewrite" ? decision.pathname : pathname;
  const nonce = isRouteHandlerPath(handlerPath) ? null : (placeholderNonceFor(request.headers) ?? newNonce());
  const headerInput = {
    pathname,
    development: env().NODE_ENV === "development",
    strictTransport: env().NODE_ENV === "production" || env().PUBLIC_SCHEME === "https",
    https: env().PUBLIC_SCHEME === "https",
  };
  const headers = securityHeaders({ ...headerInput, nonce });

  const host = canonicalHost(requestHostHeader(request.headers));
  if (host && nonce && decision.action === "rewrite" && ownDomainsPageRequest(request)) {
    // A signed-in registrant's list is answered by a route handler from its page cache (decision 145).
    const forwarded = new Headers(request.headers);
    for (const [name, value] of Object.entries(handoffHeaders(nonce))) forwarded.set(name, value);
    const url = request.nextUrl.clone();
    url.pathname = OWN_DOMAINS_ROUTE;
    const response = NextResponse.rewrite(url, { request: { headers: forwarded } });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  }
  if (host && decision.action === "rewrite" && !isRouteHandlerPath(handlerPath)) {
    const render = () => renderOverLoopback(request);
    const page = cacheablePageRequest(request)
      ? await storefrontPage(host, pathname, render).catch(() => null)
      : cacheableSearchRequest(request)
        ? await storefrontSearchPage(host, request.nextUrl.search, render).catch(() => null)
        : null;
    if (page && nonce) {
      const response = new NextResponse(withNonce(page, nonce), {
        status: 200,
        headers: {
          "content-type": page.contentType,
          "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
        },
      });
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      return response;
    }
  }

  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const forwarded = new Headers(request.headers);
  if (nonce !== null) forwarded.set("content-security-policy", headers["Content-Security-Policy"]);
  const init = { request: { headers: forwarded } };
  let response: NextResponse;
  if (decision.action === "next") response = NextResponse.next(init);
  else {
    const url = request.nextUrl.clone();
    url.pathname = decision.pathname;
    response = NextResponse.rewrite(url, decision.action === "not-found" ? { ...init, status: 404 } : init);
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Next's build output and image optimiser never need routing; everything else does.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
