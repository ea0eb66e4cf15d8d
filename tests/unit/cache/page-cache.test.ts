import { afterEach, describe, expect, it } from "vitest";
import { invalidate, setCacheLive } from "@/server/cache/bus";
import { taggedCache } from "@/server/cache/tagged-cache";
import {
  placeholderNonceFor,
  renderRequestHeaders,
  RENDER_HEADER,
  storefrontPage,
  withNonce,
} from "@/server/cache/page-cache";

const headers = (h: Record<string, string>) => new Headers(h);

// The storefront cache the page cache reads its owner from (as the app's storefront lookup fills it).
const storefronts = taggedCache<{ id: string } | null>({ tags: () => [], max: 10, name: "storefront-by-host" });

describe("storefront page cache", () => {
  afterEach(() => setCacheLive(false));

  it("renders with a placeholder nonce only for this process's own render request", () => {
    expect(placeholderNonceFor(headers({ [RENDER_HEADER]: "guess" }))).toBeNull();
    expect(placeholderNonceFor(headers({}))).toBeNull();
    expect(placeholderNonceFor(headers(renderRequestHeaders()))).toMatch(/^[A-Za-z0-9x]{32}$/);
  });

  it("answers every visitor with a fresh nonce in place of the placeholder", async () => {
    setCacheLive(true);
    await storefronts.get("shop.test", async () => ({ id: "r1" }));
    const placeholder = placeholderNonceFor(headers(renderRequestHeaders())) as string;
    const html = `<script nonce="${placeholder}">1</script><script nonce="${placeholder}" src="/a.js"></script>`;
    const page = await storefrontPage("shop.test", "/terms", async () => ({
      status: 200,
      html,
      contentType: "text/html",
    }));
    expect(page).not.toBeNull();
    const served = withNonce(page!, "N1");
    expect(served).toBe('<script nonce="N1">1</script><script nonce="N1" src="/a.js"></script>');
    expect(served).not.toContain(placeholder);
  });

  it("renders once per host and path until the reseller's settings change", async () => {
    setCacheLive(true);
    await storefronts.get("two.test", async () => ({ id: "r2" }));
    let renders = 0;
    const render = async () => ({ status: 200, html: `render ${++renders}`, contentType: "text/html" });
    await storefrontPage("two.test", "/", render);
    await storefrontPage("two.test", "/", render);
    expect(renders).toBe(1);
    invalidate(["reseller:r2"]);
    expect((await storefrontPage("two.test", "/", render))?.html).toBe("render 2");
  });

  it("caches neither a page that is not a 200 nor any page while notifications are not arriving", async () => {
    setCacheLive(true);
    await storefronts.get("three.test", async () => ({ id: "r3" }));
    expect(
      await storefrontPage("three.test", "/", async () => ({ status: 500, html: "", contentType: "" })),
    ).toBeNull();
    setCacheLive(false);
    expect(
      await storefrontPage("three.test", "/", async () => ({ status: 200, html: "x", contentType: "text/html" })),
    ).toBeNull();
  });
});
