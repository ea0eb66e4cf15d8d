/**
 * Host → area (DESIGN §2, §9.1). Routing only: no database, no authorisation — every page, action and
 * route handler authenticates and checks the tenant itself. The decision is the pure
 * `routeRequest` in src/lib/host-area.ts; this file only applies it, and puts the security headers
 * of src/lib/security-headers.ts on every answer (with a fresh CSP nonce for pages).
 */
import { NextResponse, type NextRequest } from "next/server";
import { requestHostHeader, routeRequest } from "@/lib/host-area";
import { isRouteHandlerPath, newNonce, securityHeaders } from "@/lib/security-headers";
import { env } from "@/env";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const decision = routeRequest(requestHostHeader(request.headers), pathname, env().CONSOLE_HOST, env().RDAP_HOST);
  // On the RDAP host every path is rewritten into the RDAP route handler.
  const handlerPath = decision.action === "rewrite" ? decision.pathname : pathname;
  const nonce = isRouteHandlerPath(handlerPath) ? null : newNonce();
  const headers = securityHeaders({
    pathname,
    nonce,
    development: env().NODE_ENV === "development",
    strictTransport: env().NODE_ENV === "production" || env().PUBLIC_SCHEME === "https",
    https: env().PUBLIC_SCHEME === "https",
  });
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
