/**
 * One RDAP request in, one RDAP response out: CORS on every answer (TIG 1.14), HEAD as GET without a
 * body, OPTIONS preflight, the per-address limit, and RFC 9083 section 6 error bodies for 400, 404,
 * 429, 500 and 501. Reads the request only (headers, cookie, URL), so it runs the same behind Next's
 * route handler and under a plain node:http server in tests.
 */
import { env } from "@/env";
import { canonicalHost, RDAP_PATH, requestHostHeader } from "@/lib/host-area";
import { clientAddressFrom } from "@/server/auth/client-address";
import { errorBody } from "./rdap-common";
import { domainResponse } from "./domain-response";
import { loadRegistrar, loadSponsoredDomain, loadSponsoredHost, type RdapRegistrar } from "./load-rdap-data";
import { helpResponse, nameserverResponse, registrarEntityResponse } from "./other-responses";
import { parseRdapPath, type RdapQuery } from "./parse-query";
import { privacyServiceContact } from "./privacy-service";
import { takeRdapLookup } from "./rdap-rate-limit";
import { RDAP_MEDIA_TYPE, type RdapRequestContext } from "./rdap-types";
import { rdapViewer } from "./rdap-viewer";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Accept, Content-Type",
  "Access-Control-Max-Age": "86400",
};

type Answer = { status: number; body: unknown; personal?: boolean; headers?: Record<string, string> };

function respond(request: Request, answer: Answer): Response {
  const headers: Record<string, string> = {
    ...CORS,
    "Content-Type": RDAP_MEDIA_TYPE,
    // A signed-in registrant's own details must not land in any cache; public answers may, briefly.
    "Cache-Control": answer.personal ? "private, no-store" : answer.status === 200 ? "public, max-age=60" : "no-store",
    Vary: "Cookie",
    ...answer.headers,
  };
  return new Response(request.method === "HEAD" ? null : JSON.stringify(answer.body), {
    status: answer.status,
    headers,
  });
}

function error(status: number, description: string, headers?: Record<string, string>): Answer {
  return { status, body: errorBody(status, description), headers };
}

/**
 * The path after the RDAP base URL, and the URL the client used: on the RDAP host the base URL is the
 * root (the proxy rewrote the path under /rdap), everywhere else it is /rdap/.
 */
export function locateRdapRequest(
  requestUrl: string,
  hostHeader: string | null,
  rdapHost: string | undefined,
  scheme: string,
): { path: string; publicUrl: string } {
  const url = new URL(requestUrl);
  const host = canonicalHost(hostHeader) ?? url.host;
  const onRdapHost = rdapHost !== undefined && canonicalHost(rdapHost) === host;
  const under = url.pathname === RDAP_PATH || url.pathname.startsWith(`${RDAP_PATH}/`);
  const path = under ? url.pathname.slice(RDAP_PATH.length) : url.pathname;
  const publicPath = onRdapHost ? path || "/" : `${RDAP_PATH}${path}`;
  return { path, publicUrl: `${scheme}://${host}${publicPath}` };
}

async function lookup(
  request: Request,
  query: Exclude<RdapQuery, { kind: "malformed" | "unsupported" }>,
  registrar: RdapRegistrar,
  ctx: Omit<RdapRequestContext, "viewer">,
): Promise<Answer> {
  const anonymous = { ...ctx, viewer: { kind: "anonymous" } as const };
  switch (query.kind) {
    case "help":
      return { status: 200, body: helpResponse(registrar, anonymous) };
    case "entity":
      // Contact handles are never published (profile: Registry Registrant ID is redacted), so the
      // registrar is the only entity a lookup can name.
      if (query.handle !== String(registrar.ianaId)) return error(404, "No entity with this handle is published here.");
      return { status: 200, body: registrarEntityResponse(registrar, anonymous) };
    case "nameserver": {
      const host = await loadSponsoredHost(query.name);
      if (!host) return error(404, "This registrar sponsors no nameserver of that name.");
      return { status: 200, body: nameserverResponse(host, registrar, anonymous) };
    }
    case "domain": {
      const domain = await loadSponsoredDomain(query.name);
      if (!domain) return error(404, "This registrar does not sponsor that domain name.");
      const viewer = await rdapViewer(request);
      const body = domainResponse(domain, registrar, { ...ctx, viewer }, () => privacyServiceContact(registrar));
      const personal = viewer.kind === "registrant" && viewer.registrantId === domain.registrantId;
      return { status: 200, body, personal };
    }
  }
}

async function answer(request: Request, now: Date): Promise<Answer> {
  const { path, publicUrl } = locateRdapRequest(
    request.url,
    requestHostHeader(request.headers),
    env().RDAP_HOST,
    env().PUBLIC_SCHEME,
  );
  const address = clientAddressFrom(request.headers.get("x-forwarded-for"), env().TRUSTED_PROXY_COUNT);
  const wait = await takeRdapLookup(address, now);
  if (wait !== null)
    return error(429, "Too many lookups from this address. Wait before asking again.", {
      "Retry-After": String(wait),
    });
  const query = parseRdapPath(path);
  if (query.kind === "malformed") return error(400, query.reason);
  if (query.kind === "unsupported") return error(501, `This server does not offer ${query.what} queries.`);
  const registrar = await loadRegistrar();
  if (!registrar) return error(500, "The registrar's RDAP service is not configured.");
  const baseUrl = registrar.rdapBaseUrl.endsWith("/") ? registrar.rdapBaseUrl : `${registrar.rdapBaseUrl}/`;
  return lookup(request, query, registrar, { requestUrl: publicUrl, baseUrl, now });
}

export async function answerRdap(request: Request, now = new Date()): Promise<Response> {
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS });
  if (request.method !== "GET" && request.method !== "HEAD")
    return respond(request, error(405, "RDAP answers GET and HEAD only.", { Allow: "GET, HEAD, OPTIONS" }));
  try {
    return respond(request, await answer(request, now));
  } catch (e) {
    console.error("RDAP lookup failed", e);
    return respond(request, error(500, "The lookup failed. Please try again later."));
  }
}
