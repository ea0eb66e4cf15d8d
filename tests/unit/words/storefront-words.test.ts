import { describe, expect, it } from "vitest";
import { cartCountFromCookies, cartLinkText } from "@/lib/cart-count";
import { launchPhaseWords } from "@/lib/launch-phase-words";
import { initialIconSvg, storefrontIconUrl } from "@/lib/storefront-icon";

describe("the header's cart count", () => {
  it("reads the count among other cookies and names the link with it", () => {
    const count = cartCountFromCookies("theme=dark; cart_count=3; other=x");
    expect(count).toBe(3);
    expect(cartLinkText(count)).toBe("Cart (3)");
  });

  it("says just Cart when the cookie is missing, empty or not a small number", () => {
    for (const header of ["", "theme=dark", "cart_count=", "cart_count=abc", "cart_count=12345", "xcart_count=2"])
      expect(cartLinkText(cartCountFromCookies(header)), header).toBe("Cart");
  });
});

describe("launch phases in a buyer's words", () => {
  it("explains every phase a registry names, and an unknown one without its raw name", () => {
    for (const phase of ["claims", "sunrise", "landrush", "announced", "quiet-period-7"]) {
      const words = launchPhaseWords(phase);
      expect(words?.badge, phase).toBeTruthy();
      expect(words?.explanation).toMatch(/\.$/);
      expect(words?.badge.toLowerCase(), "the badge is not the registry's own name").not.toContain(phase);
    }
  });

  it("shows nothing for names on general sale", () => {
    expect(launchPhaseWords("open")).toBeNull();
    expect(launchPhaseWords(undefined)).toBeNull();
  });
});

describe("a storefront's tab icon", () => {
  const look = {
    primaryColor: "#14532d",
    accentColor: "#f59e0b",
    backgroundColor: "#ffffff",
    textColor: "#111827",
    font: "system",
  };

  it("is its initial on its brand colour, escaped, when it has no logo", () => {
    const url = storefrontIconUrl("<acme> & co", look, null);
    expect(url.startsWith("data:image/svg+xml,")).toBe(true);
    const svg = decodeURIComponent(url.slice("data:image/svg+xml,".length));
    expect(svg).toContain('fill="#14532d"');
    expect(svg).toContain(">&#60;</text>");
    expect(initialIconSvg("émile", look)).toContain(">É</text>");
  });

  it("is its logo when it has one", () => {
    expect(storefrontIconUrl("Acme", look, "/api/branding/x/logo?v=1")).toBe("/api/branding/x/logo?v=1");
  });
});
