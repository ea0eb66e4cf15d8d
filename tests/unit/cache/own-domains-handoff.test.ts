// Decision 145: which requests the proxy hands to the signed-in list's route handler, and what vouches for them.
import { afterEach, describe, expect, it, vi } from "vitest";
import { handedOffNonce, handoffHeaders, renderRequestHeaders } from "@/server/cache/page-cache";
import { proxyNavigation } from "../../support/proxy-navigation";

const HOST = "acme.localhost:3000";
const SESSION = "next-auth.session-token=opaque";

async function route(path: string, headers: Record<string, string> = {}) {
  const res = await proxyNavigation(HOST, path, headers);
  const rewrite = res.headers.get("x-middleware-rewrite");
  return {
    to: rewrite ? new URL(rewrite).pathname + new URL(rewrite).search : null,
    handoff: res.headers.get("x-middleware-request-x-storefront-page-handoff"),
    nonce: res.headers.get("x-middleware-request-x-storefront-page-nonce"),
    csp: res.headers.get("content-security-policy") ?? "",
  };
}

describe("the signed-in list's handoff", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("hands a signed-in document load of the list (and its pages) to the handler, with the answer's nonce", async () => {
    for (const path of ["/account/domains", "/account/domains?cursor=abc"]) {
      const r = await route(path, { cookie: SESSION });
      expect(r.to).toBe(`/api/storefront/own-domains${path.slice("/account/domains".length)}`);
      expect(r.nonce).toBeTruthy();
      expect(r.csp).toContain(`'nonce-${r.nonce}'`);
      expect(
        handedOffNonce(new Headers({ "x-storefront-page-handoff": r.handoff!, "x-storefront-page-nonce": r.nonce! })),
      ).toBe(r.nonce);
    }
  });

  it("leaves to the page itself what the cache does not answer", async () => {
    expect((await route("/account/domains")).to).toMatch(/\/account\/domains$/);
    expect((await route("/account/domains", { cookie: SESSION, rsc: "1" })).to).toMatch(/\/account\/domains$/);
    // The router's RSC fetch, as the proxy sees it once Next has taken its flight headers off.
    const routerFetch = { cookie: SESSION, accept: "*/*", "sec-fetch-dest": "empty" };
    expect((await route("/account/domains", routerFetch)).to).toMatch(/\/account\/domains$/);
    expect((await route("/account/domains", { ...routerFetch, accept: "text/html" })).to).toMatch(
      /\/account\/domains$/,
    );
    expect((await route("/account/domains?cursor=a&sort=name", { cookie: SESSION })).to).not.toMatch(/^\/api\//);
    expect((await route("/account/domains?cursor=a&cursor=b", { cookie: SESSION })).to).not.toMatch(/^\/api\//);
    expect((await route("/account/domains", { cookie: SESSION, ...renderRequestHeaders() })).to).not.toMatch(
      /^\/api\//,
    );
    expect((await route("/account/domains/123", { cookie: SESSION })).to).not.toMatch(/^\/api\//);
  });

  it("vouches only for what this process's proxy handed over", () => {
    const genuine = handoffHeaders("N1");
    expect(handedOffNonce(new Headers(genuine))).toBe("N1");
    expect(handedOffNonce(new Headers({ ...genuine, "x-storefront-page-handoff": "guess" }))).toBeNull();
    expect(handedOffNonce(new Headers({ "x-storefront-page-nonce": "N1" }))).toBeNull();
  });
});
