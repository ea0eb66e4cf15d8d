/**
 * A signed-in registrant's domain list, as the proxy hands it over (decision 145): answered from the
 * list's page cache (src/server/storefront-pages/own-domains-page.ts). Refused unless the proxy handed it over.
 */
import type { NextRequest } from "next/server";
import { canonicalHost, requestHostHeader } from "@/lib/host-area";
import { sessionCookieName } from "@/server/auth/session-token";
import { answerOwnDomainsPage } from "@/server/storefront-pages/own-domains-page";
import { handedOffNonce } from "@/server/cache/page-cache";
import { OWN_DOMAINS_PATH, renderOverLoopback } from "@/server/cache/page-render";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const nonce = handedOffNonce(request.headers);
  const host = canonicalHost(requestHostHeader(request.headers));
  if (!nonce || !host) return new Response("Not found", { status: 404 });
  const cookieName = sessionCookieName();
  const sessionToken = request.cookies.get(cookieName)?.value;
  const search = request.nextUrl.search;
  const page = {
    method: "GET",
    nextUrl: { pathname: OWN_DOMAINS_PATH, search },
    headers: request.headers,
    cookies: request.cookies,
  };
  const answer = await answerOwnDomainsPage({
    host,
    sessionToken,
    search,
    nonce,
    // Only the session cookie goes with the render: the list depends on nothing else of the visitor's.
    render: () => renderOverLoopback(page, sessionToken ? `${cookieName}=${sessionToken}` : null),
  });
  const headers: Record<string, string> = {
    "content-type": answer.contentType,
    "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
  };
  if (answer.location) headers.location = answer.location;
  return new Response(answer.html, { status: answer.status, headers });
}
