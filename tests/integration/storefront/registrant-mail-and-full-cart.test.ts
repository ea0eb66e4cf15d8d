/**
 * Issue 11 leftovers a registrant meets: the mail after an order leads to "Your domains" and to each
 * domain's page on the storefront they bought from; no registrant mail names a registry status code;
 * a full cart refuses one more name instead of dropping the oldest.
 */
import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { testRequest } from "@/server/action-client";
import { CART_LIMIT } from "@/server/domains/checkout/cart";
import { queueHoldNotice, queueLiftNotice } from "@/server/contact-verification/hold-mail";
import { EPP_STATUS_NAMES } from "@/lib/registry-status-words";
import { addToCartAction } from "@/app/(storefront)/[host]/cart/actions";
import { createDomainCatalog, createDomainReseller, createRegistrant } from "../../support/factories";
import { buyAsRegistrant, drainFulfilment } from "../domains/fulfilment/helpers";
import { cartTestHooks } from "./cart-harness";
import { cartNames, jar } from "./cookie-jar";

vi.mock("next/headers", () => import("./cookie-jar").then((m) => m.nextHeaders));

const hooks = cartTestHooks();

const EPP_CODE = new RegExp(`\\b(${EPP_STATUS_NAMES.join("|")})\\b`);

describe("mail a registrant gets", () => {
  it("links the finished order to each domain's page and to Your domains on the reseller's own storefront host", async () => {
    await createDomainCatalog(["com"]);
    const reseller = await createDomainReseller();
    // A verified own domain wins over the platform host, as on every storefront link.
    await db.hostName.create({
      data: {
        resellerId: reseller.id,
        host: "shop.mail-links.example",
        kind: "custom",
        verificationToken: "t",
        verifiedAt: new Date(),
      },
    });
    const other = await createDomainReseller();
    const { ctx } = await createRegistrant(reseller.id);
    hooks.startRegistry();
    await buyAsRegistrant(ctx, {
      idempotencyKey: "mail-links-01",
      items: [{ name: "mail-links.com", kind: "register", years: 1, privacy: true }],
    });
    await drainFulfilment();
    const domain = await db.domain.findUniqueOrThrow({ where: { name: "mail-links.com" } });
    const mail = await db.outboxMail.findFirstOrThrow({ where: { kind: "order.finished", resellerId: reseller.id } });

    expect(mail.textBody).toContain("Your domains: http://shop.mail-links.example/account/domains\n");
    expect(mail.textBody).toContain(`http://shop.mail-links.example/account/domains/${domain.id}`);
    expect(mail.textBody).toMatch(/Your order #[0-9A-F]{8} at /);
    expect(mail.textBody).not.toContain(reseller.host);
    expect(mail.textBody).not.toContain(other.host);
    expect(mail.textBody).not.toMatch(EPP_CODE);

    // The WAPS suspension and its end, as the sweep sends them.
    await db.$transaction(async (tx) => {
      await queueHoldNotice(tx, domain, "ada@example.org");
      await queueLiftNotice(tx, domain, "ada@example.org", true);
    });
    const notices = await db.outboxMail.findMany({
      where: { kind: { in: ["contact_verification_hold", "contact_verification_lifted"] } },
    });
    expect(notices).toHaveLength(2);
    for (const n of notices) {
      expect(`${n.subject}\n${n.textBody}`).not.toMatch(EPP_CODE);
      expect(n.textBody).toContain("mail-links.com");
    }
    expect(notices.find((n) => n.kind === "contact_verification_hold")?.textBody).toContain(
      "has been suspended: its website and email stop working",
    );
  });
});

describe("a full cart", () => {
  it("refuses one more name with a message the page shows, and keeps every name it held", async () => {
    const reseller = await createDomainReseller();
    const req = testRequest({ host: reseller.host });
    for (let i = 0; i < CART_LIMIT; i++)
      expect(await addToCartAction.run(req, { name: `held-${i}.com` })).toMatchObject({ ok: true });
    const before = jar.get("cart");

    const refused = await addToCartAction.run(req, { name: "one-too-many.com" });
    expect(refused).toMatchObject({
      ok: false,
      message: `Your cart holds ${CART_LIMIT} names; check out or remove one first.`,
    });
    expect(jar.get("cart")).toBe(before);

    // Changing a name already in the cart still works when it is full.
    expect(await addToCartAction.run(req, { name: "held-0.com", kind: "transfer" })).toMatchObject({ ok: true });
    const names = cartNames();
    expect(names).toHaveLength(CART_LIMIT);
    expect(names).toContain("held-0.com");
  });
});
