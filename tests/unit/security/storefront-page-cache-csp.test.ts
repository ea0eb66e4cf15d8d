// Decision 095: storefront pages cached for every visitor keep the per-response nonce CSP of decision 066.
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCacheLive } from "@/server/cache/bus";
import { taggedCache } from "@/server/cache/tagged-cache";
import { placeholderNonceFor, renderRequestHeaders, storefrontPage } from "@/server/cache/page-cache";
import { proxyNavigation } from "../../support/proxy-navigation";

const HOST = "acme.localhost:3000";
const answer = (path: string, headers: Record<string, string> = {}) => proxyNavigation(HOST, path, headers);

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

describe("cached storefront pages and the CSP", () => {
  afterEach(() => {
    setCacheLive(false);
    vi.unstubAllEnvs();
  });

  it("answers a cached page with a fresh nonce in both the header and the page, never the placeholder", async () => {
    setCacheLive(true);
    const storefronts = taggedCache<{ id: string }>({ tags: () => [], max: 10, name: "storefront-by-host" });
    await storefronts.get(HOST, async () => ({ id: "r1" }));
    const placeholder = placeholderNonceFor(new Headers(renderRequestHeaders())) as string;
    await storefrontPage(HOST, "/terms", async () => ({
      status: 200,
      html: `<p>Terms</p><script nonce="${placeholder}">self.__next_f=[]</script>`,
      contentType: "text/html; charset=utf-8",
    }));

    const first = await answer("/terms");
    const second = await answer("/terms");
    const [n1, n2] = [first, second].map((r) => nonceOf(r.headers.get("content-security-policy")));
    const [b1, b2] = await Promise.all([first.text(), second.text()]);
    expect(n1).toBeTruthy();
    expect(n1).not.toBe(n2);
    expect(b1).toContain(`<script nonce="${n1}">`);
    expect(b2).toContain(`<script nonce="${n2}">`);
    expect(b1 + b2).not.toContain(placeholder);
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("content-security-policy")).toContain("'strict-dynamic'");
  });

  it("never answers a signed-in visitor, an RSC request or a query from the cache", async () => {
    setCacheLive(true);
    for (const [path, headers] of [
      ["/terms", { cookie: "next-auth.session-token=abc" }],
      ["/terms", { rsc: "1" }],
      ["/terms?x=1", {}],
    ] as const) {
      const res = await answer(path, headers);
      expect(res.headers.get("x-middleware-rewrite")).toContain("/~acme.localhost_3000/terms");
    }
  });

  it("does not let a visitor ask for the placeholder nonce", async () => {
    const res = await answer("/account", { "x-storefront-page-render": "guessed" });
    const forwardedCsp = res.headers.get("x-middleware-request-content-security-policy");
    expect(nonceOf(forwardedCsp)).toBe(nonceOf(res.headers.get("content-security-policy")));
    expect(nonceOf(forwardedCsp)).not.toBe(placeholderNonceFor(new Headers(renderRequestHeaders())));
  });
});
