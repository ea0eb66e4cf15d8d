/**
 * The storefront half of issue 11, below the pages: a receipt names each item in words and leads to
 * the registrant's domain; bulk search's "add all" puts every name in the cart at once (or none,
 * when the cart has no room) and keeps the header's count beside it.
 */
import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { testRequest } from "@/server/action-client";
import { getReceipt } from "@/server/orders/get-receipt";
import { CART_LIMIT } from "@/server/domains/checkout/cart";
import { addManyToCartAction } from "@/app/(storefront)/[host]/cart/actions";
import { prepareCheckout } from "@/server/domains/checkout/prepare-checkout";
import { systemContext } from "@/server/context";
import { createDomainCatalog, createDomainReseller, createRegistrant } from "../../support/factories";
import { buyAsRegistrant, drainFulfilment } from "../domains/fulfilment/helpers";
import { cartTestHooks } from "./cart-harness";
import { cartNames, jar } from "./cookie-jar";

vi.mock("next/headers", () => import("./cookie-jar").then((m) => m.nextHeaders));

const hooks = cartTestHooks();

describe("a registrant's receipt", () => {
  it("names each item in words, links it to the registrant's own domain, and shows no internal names", async () => {
    await createDomainCatalog();
    const reseller = await createDomainReseller();
    const { ctx } = await createRegistrant(reseller.id);
    hooks.startRegistry();
    const order = await buyAsRegistrant(ctx, {
      idempotencyKey: "receipt-words-01",
      items: [{ name: "receipt-words.com", kind: "register", years: 2, privacy: true }],
    });
    await drainFulfilment();
    const domain = await db.domain.findUniqueOrThrow({ where: { name: "receipt-words.com" } });

    const receipt = await getReceipt(ctx, order.id);
    expect(receipt.lines.map((l) => [l.description, l.domainId]).sort()).toEqual([
      ["Privacy: receipt-words.com", domain.id],
      ["Registration: receipt-words.com", domain.id],
    ]);
    for (const l of receipt.lines) expect(l.description).not.toMatch(/domain_|register:|_/);
  });

  it("links no domain the registrant does not hold", async () => {
    await createDomainCatalog();
    const reseller = await createDomainReseller();
    const { ctx } = await createRegistrant(reseller.id);
    hooks.startRegistry();
    const order = await buyAsRegistrant(ctx, {
      idempotencyKey: "receipt-words-02",
      items: [{ name: "moved-away.com", kind: "register", years: 1, privacy: false }],
    });
    await drainFulfilment();
    const other = await createRegistrant(reseller.id, { email: "other@example.org" });
    await db.domain.update({ where: { name: "moved-away.com" }, data: { registrantId: other.registrant.id } });

    const receipt = await getReceipt(ctx, order.id);
    expect(receipt.lines.map((l) => l.domainId)).toEqual([null]);
  });
});

describe("bulk search: add all available names", () => {
  it("adds three names in one action, sets the header's count, and adds a name already there once", async () => {
    const reseller = await createDomainReseller();
    const req = testRequest({ host: reseller.host });

    const first = await addManyToCartAction.run(req, {
      names: "one-of-three.com\ntwo-of-three.net\nthree-of-three.org",
    });
    expect(first).toMatchObject({ ok: true, data: { added: 3 } });
    expect(cartNames()).toEqual(["one-of-three.com", "two-of-three.net", "three-of-three.org"]);
    expect(jar.get("cart_count")).toBe("3");

    const again = await addManyToCartAction.run(req, { names: "one-of-three.com\nfour-of-four.com" });
    expect(again).toMatchObject({ ok: true, data: { added: 1 } });
    expect(cartNames()).toHaveLength(4);
    expect(jar.get("cart_count")).toBe("4");
  });

  it("prices privacy on a cart line before it is chosen, so the cart can offer it with its price", async () => {
    await createDomainCatalog();
    const reseller = await createDomainReseller();
    hooks.startRegistry();
    const [line] = await prepareCheckout(systemContext(reseller.id), {
      resellerId: reseller.id,
      items: [{ name: "offer-privacy.com", kind: "register", years: 2, privacy: false }],
    });
    expect(line?.privacy).toBe(false);
    expect(line?.privacyAmount).toBeGreaterThan(0);
  });

  it("adds none when they do not all fit, and says how many would", async () => {
    const reseller = await createDomainReseller();
    const req = testRequest({ host: reseller.host });
    const names = Array.from({ length: CART_LIMIT - 1 }, (_, i) => `fill-${i}.com`).join("\n");
    expect(await addManyToCartAction.run(req, { names })).toMatchObject({ ok: true });

    const over = await addManyToCartAction.run(req, { names: "extra-one.com\nextra-two.com" });
    expect(over).toMatchObject({ ok: false, message: expect.stringContaining("room for 1 more") });
    expect(cartNames()).toHaveLength(CART_LIMIT - 1);
    expect(cartNames()).not.toContain("extra-one.com");
  });

  it("refuses a name that is not a domain name, adding nothing", async () => {
    const reseller = await createDomainReseller();
    const req = testRequest({ host: reseller.host });
    const result = await addManyToCartAction.run(req, { names: "good-name.com\nnot a name!.com" });
    expect(result.ok).toBe(false);
    expect(cartNames()).toEqual([]);
  });
});
