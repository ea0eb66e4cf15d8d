/**
 * Host → area (DESIGN §2, §9.1). Routing only: no database, no authorisation — every page, action and
 * route handler authenticates and checks the tenant itself. The decision is the pure
 * `routeRequest` in src/lib/host-area.ts; this file only applies it.
 */
import { NextResponse, type NextRequest } from "next/server";
import { requestHostHeader, routeRequest } from "@/lib/host-area";
import { env } from "@/env";

export function proxy(request: NextRequest) {
  const decision = routeRequest(requestHostHeader(request.headers), request.nextUrl.pathname, env().CONSOLE_HOST);
  if (decision.action === "next") return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = decision.pathname;
  return NextResponse.rewrite(url, decision.action === "not-found" ? { status: 404 } : undefined);
}

export const config = {
  // Next's build output and image optimiser never need routing; everything else does.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
