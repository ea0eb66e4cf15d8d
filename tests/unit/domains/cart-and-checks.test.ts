import { describe, expect, it } from "vitest";
import { addToCart, parseCart, removeFromCart, updateCartItem, CART_LIMIT } from "@/server/domains/checkout/cart";
import { classifyCheck } from "@/server/domains/search/classify-check";
import { cachedCheck, clearCheckCache, forgetCheck, rememberCheck } from "@/server/domains/search/check-cache";
import { splitBulkInput } from "@/server/domains/search/bulk-search";
import { variantsOf } from "@/server/domains/search/suggest-names";

const check = (over: Partial<Parameters<typeof classifyCheck>[0] & object> = {}) => ({
  name: "a.com",
  available: true,
  premium: false,
  prices: {},
  ...over,
});

describe("the cart cookie", () => {
  it("ignores a tampered or malformed cookie instead of failing", () => {
    expect(parseCart("not json")).toEqual([]);
    expect(parseCart(JSON.stringify([{ name: "a.com", kind: "register", years: 99, privacy: false }]))).toEqual([]);
  });

  it("keeps one line per name and at most the limit", () => {
    let cart = addToCart([], { name: "a.com", kind: "register", years: 1, privacy: false });
    cart = addToCart(cart, { name: "a.com", kind: "register", years: 3, privacy: true });
    expect(cart).toEqual([{ name: "a.com", kind: "register", years: 3, privacy: true }]);
    for (let i = 1; i < CART_LIMIT; i++)
      cart = addToCart(cart, { name: `n${i}.com`, kind: "register", years: 1, privacy: false });
    expect(cart).toHaveLength(CART_LIMIT);
    expect(updateCartItem(cart, "n19.com", { years: 2 }).find((c) => c.name === "n19.com")?.years).toBe(2);
    expect(removeFromCart(cart, "n19.com")).toHaveLength(CART_LIMIT - 1);
  });

  it("refuses a new name when the cart is full, dropping nothing, but still changes a name it holds", () => {
    const full = Array.from({ length: CART_LIMIT }, (_, i) => ({
      name: `n${i}.com`,
      kind: "register" as const,
      years: 1,
      privacy: false,
    }));
    expect(() => addToCart(full, { name: "one-more.com", kind: "register", years: 1, privacy: false })).toThrow(
      `Your cart holds ${CART_LIMIT} names; check out or remove one first.`,
    );
    const changed = addToCart(full, { name: "n0.com", kind: "transfer", years: 1, privacy: false });
    expect(changed).toHaveLength(CART_LIMIT);
    expect(changed.find((i) => i.name === "n0.com")?.kind).toBe("transfer");
  });
});

describe("registry answers in the storefront's words", () => {
  it("maps availability, reasons and launch phases", () => {
    expect(classifyCheck(check(), "com")).toEqual({ availability: "available" });
    expect(classifyCheck(check({ available: false, reason: "In use" }), "com").availability).toBe("taken");
    expect(classifyCheck(check({ available: false, reason: "Reserved" }), "com").availability).toBe("reserved");
    expect(
      classifyCheck(check({ available: false, reason: "Not open for registration until 2026-12-01" }), "nova")
        .availability,
    ).toBe("not_open");
    expect(classifyCheck(check({ phase: "sunrise" }), "bloom").availability).toBe("not_open");
    expect(classifyCheck(check({ phase: "claims" }), "vista").availability).toBe("available");
    expect(
      classifyCheck(check({ available: false, reason: "Domain labels in .io must be at least 2 characters" }), "io"),
    ).toEqual({ availability: "unavailable", reason: "Domain labels in .io must be at least 2 characters" });
    expect(classifyCheck(null, "io")).toMatchObject({
      availability: "unknown",
      reason: expect.stringContaining(".io registry"),
    });
  });
});

describe("the check cache", () => {
  it("answers from memory within its lifetime and forgets a name on request", () => {
    clearCheckCache();
    rememberCheck(check({ name: "kept.com" }), 1_000);
    expect(cachedCheck("kept.com", 20_000)?.name).toBe("kept.com");
    expect(cachedCheck("kept.com", 100_000)).toBeUndefined();
    rememberCheck(check({ name: "gone.com" }));
    forgetCheck("GONE.com");
    expect(cachedCheck("gone.com")).toBeUndefined();
  });
});

describe("bulk input and suggestions", () => {
  it("splits pasted text on lines, commas and spaces and drops duplicates", () => {
    expect(splitBulkInput("a.com\nb.net, c.org  A.com;d.io")).toEqual(["a.com", "b.net", "c.org", "d.io"]);
  });

  it("suggests prefixed and suffixed variants of a label", () => {
    expect(variantsOf("kestrel")).toContain("getkestrel");
    expect(variantsOf("kestrel")).toContain("kestrelhq");
    expect(variantsOf("a".repeat(62)).every((v) => v.length <= 63)).toBe(true);
  });
});
