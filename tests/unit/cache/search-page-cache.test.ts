// Decision 110: an anonymous search is rendered once and answered from memory for a few seconds.
import { afterEach, describe, expect, it, vi } from "vitest";
import { invalidate, setCacheLive } from "@/server/cache/bus";
import { taggedCache } from "@/server/cache/tagged-cache";
import { placeholderNonceFor, renderRequestHeaders } from "@/server/cache/page-cache";
import { SEARCH_PAGE_TTL_MS, storefrontSearchPage } from "@/server/cache/search-page-cache";
import { proxyNavigation } from "../../support/proxy-navigation";

// The caches the search page cache reads its owner and its prices' validity from, as the app fills them.
const storefronts = taggedCache<{ id: string } | null>({ tags: () => [], max: 10, name: "storefront-by-host" });
const contexts = taggedCache<{ validUntil: number }>({
  tags: (id) => [`reseller:${id}`],
  expiresAt: (c) => c.validUntil,
  max: 10,
  name: "search-context",
});

async function shop(host: string, id: string, validUntil = Infinity): Promise<void> {
  await storefronts.get(host, async () => ({ id }));
  await contexts.get(id, async () => ({ validUntil }));
}

function counter() {
  let renders = 0;
  return {
    count: () => renders,
    render: async () => ({ status: 200, html: `render ${++renders}`, contentType: "text/html" }),
  };
}

describe("search page cache", () => {
  afterEach(() => {
    setCacheLive(false);
  });

  it("renders a search once per host and query until the reseller's settings change", async () => {
    setCacheLive(true);
    await shop("s1.test", "r1");
    const { count, render } = counter();
    await storefrontSearchPage("s1.test", "?q=alpha", render);
    expect((await storefrontSearchPage("s1.test", "?q=alpha", render))?.html).toBe("render 1");
    expect((await storefrontSearchPage("s1.test", "?q=beta", render))?.html).toBe("render 2");
    invalidate(["reseller:r1"]);
    await shop("s1.test", "r1");
    expect((await storefrontSearchPage("s1.test", "?q=alpha", render))?.html).toBe("render 3");
    expect(count()).toBe(3);
  });

  it("renders again once its few seconds are over, and never keeps a page past a promotion's start or end", async () => {
    setCacheLive(true);
    const start = Date.now();
    const clock = vi.spyOn(Date, "now").mockReturnValue(start);
    await shop("s2.test", "r2");
    const { render } = counter();
    await storefrontSearchPage("s2.test", "?q=alpha", render);
    clock.mockReturnValue(start + SEARCH_PAGE_TTL_MS - 1);
    expect((await storefrontSearchPage("s2.test", "?q=alpha", render))?.html).toBe("render 1");
    clock.mockReturnValue(start + SEARCH_PAGE_TTL_MS + 1);
    expect((await storefrontSearchPage("s2.test", "?q=alpha", render))?.html).toBe("render 2");

    await shop("s3.test", "r3", start + SEARCH_PAGE_TTL_MS + 1_000);
    clock.mockReturnValue(start + SEARCH_PAGE_TTL_MS + 500);
    await storefrontSearchPage("s3.test", "?q=alpha", render);
    clock.mockReturnValue(start + SEARCH_PAGE_TTL_MS + 1_001);
    await shop("s3.test", "r3");
    expect((await storefrontSearchPage("s3.test", "?q=alpha", render))?.html).toBe("render 4");
    clock.mockRestore();
  });

  it("caches nothing when the page failed, its prices are unknown or notifications are not arriving", async () => {
    setCacheLive(true);
    await storefronts.get("s4.test", async () => ({ id: "r4" }));
    const { count, render } = counter();
    // No search context in memory: the page's prices could change without this cache knowing when.
    expect(await storefrontSearchPage("s4.test", "?q=alpha", render)).toBeNull();
    await shop("s4.test", "r4");
    expect(
      await storefrontSearchPage("s4.test", "?q=alpha", async () => ({ status: 500, html: "", contentType: "" })),
    ).toBeNull();
    setCacheLive(false);
    expect(await storefrontSearchPage("s4.test", "?q=alpha", render)).toBeNull();
    expect(count()).toBe(1);
  });
});

describe("the proxy and cached searches", () => {
  const HOST = "shop.localhost:3000";
  const answer = (path: string, headers: Record<string, string> = {}) => proxyNavigation(HOST, path, headers);

  afterEach(() => {
    setCacheLive(false);
    vi.unstubAllEnvs();
  });

  it("answers an anonymous visitor with no cart from the cache, with a fresh nonce each time", async () => {
    setCacheLive(true);
    await shop(HOST, "r9");
    const placeholder = placeholderNonceFor(new Headers(renderRequestHeaders())) as string;
    await storefrontSearchPage(HOST, "?q=alpha", async () => ({
      status: 200,
      html: `<p>alpha.com</p><script nonce="${placeholder}">self.__next_f=[]</script>`,
      contentType: "text/html; charset=utf-8",
    }));
    const [first, second] = [await answer("/search?q=alpha"), await answer("/search?q=alpha")];
    const nonces = [first, second].map(
      (r) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1],
    );
    expect(nonces[0]).toBeTruthy();
    expect(nonces[0]).not.toBe(nonces[1]);
    const body = await first.text();
    expect(body).toContain("alpha.com");
    expect(body).toContain(`<script nonce="${nonces[0]}">`);
    expect(body).not.toContain(placeholder);
  });

  it("renders the search for a visitor with a cart, a session, or an RSC request", async () => {
    setCacheLive(true);
    await shop(HOST, "r9");
    for (const headers of <Record<string, string>[]>[
      { cookie: "cart=%5B%5D" },
      { cookie: "cart_count=2" },
      { cookie: "next-auth.session-token=abc" },
      { rsc: "1" },
    ]) {
      const res = await answer("/search?q=alpha", headers);
      expect(res.headers.get("x-middleware-rewrite")).toContain("/search?q=alpha");
    }
  });
});
