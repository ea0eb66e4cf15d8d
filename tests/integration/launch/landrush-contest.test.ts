/**
 * Landrush through the order engine (decision 121): registrants of two storefronts apply for the same
 * .forge name with a maximum bid each; the applications wait at the registry until landrush ends
 * (registry clock moved), the registry's sealed-bid auction allocates the name to the highest bid at
 * the second-highest bid, and the follower completes the winner charged that clearing price (the
 * rest of the hold or payment given back) and refunds the other in full.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MockRegistry, RegistryAdmin } from "@/mock-registry";
import { buildRegistryRouter, setRegistryForTests } from "@/server/registry/access";
import { clearCheckCache } from "@/server/domains/search/check-cache";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { readBalance } from "@/server/billing/get-balance";
import { accountBalance } from "@/server/billing/account-balance";
import { resellerAccount } from "@/server/billing/accounts";
import { confirmPayment } from "@/server/order-payments/confirm-payment";
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";
import { applyLandrush } from "@/server/launch/apply/apply-landrush";
import { followSunriseApplications } from "@/server/launch/sunrise/follow-applications";
import { checkLandrushName } from "@/server/launch/apply/landrush-check";
import { createDomainReseller, createRegistrant } from "../../support/factories";
import { APPLICANT, registrantOf } from "./support";
import { createTldProduct } from "../../support/factories/money";
import { useFakeStripe, type FakeStripe } from "../../support/fake-stripe";

const BALANCE = 1_000_000;
// .forge: create 22.00 USD, twice that in landrush (the phase price); landrush ends 10 days after the anchor.
const PHASE_FEE = 4_400;

let registry: MockRegistry;
let admin: RegistryAdmin;
let closeRouter: () => Promise<void>;
let stripe: FakeStripe;

beforeAll(async () => {
  // Card payments go through Stripe's stand-in, so the money sent back is seen as Stripe sees it.
  stripe = await useFakeStripe();
  await queue();
});
afterAll(() => stripe.close());
beforeEach(() => {
  registry = new MockRegistry({ dataDir: null, frozenAt: new Date().toISOString() });
  admin = new RegistryAdmin(registry);
  const platform = buildRegistryRouter(
    { adapter: "inprocess", registry, clientId: "platform", password: "platform-dev-pass", commandTimeoutMs: 5_000 },
    { forge: "newgtld-sim" },
  );
  setRegistryForTests(platform.router, "platform");
  closeRouter = platform.close;
  clearCheckCache();
  stripe.reset();
});
afterEach(async () => {
  setRegistryForTests(null);
  await closeRouter();
});

/** Two storefronts selling .forge at the same tier (10 % premium rule, 20 % markup), one customer each. */
async function twoStorefronts() {
  await createTldProduct("forge", 2_200, { operator: "newgtld-sim" });
  const store = async (slug: string, email: string) => {
    const reseller = await createDomainReseller({ slug, wholesale: { forge: 2_500 }, balance: BALANCE });
    return { reseller, customer: await createRegistrant(reseller.id, { email }) };
  };
  return { a: await store("forge-a", "ann@a.example"), b: await store("forge-b", "bob@b.example") };
}

type Store = Awaited<ReturnType<typeof twoStorefronts>>["a"];

/** Applies and sends the application to the registry; `checkout` pays by card first, `balance` from the reseller. */
async function applied(s: Store, key: string, name: string, maxBid: string, payment: "balance" | "checkout") {
  const { order } = await applyLandrush(s.customer.ctx, {
    resellerId: s.reseller.id,
    registrantId: s.customer.registrant.id,
    application: { name, maxBid, contact: { ...APPLICANT, email: s.customer.registrant.email } },
    idempotencyKey: key,
    channel: "storefront",
    payment,
  });
  if (payment === "checkout") {
    const checkout = await startOrderCheckout(s.customer.ctx, { orderId: order.id, storefrontOrigin: "http://x.test" });
    await db.$transaction((tx) => confirmPayment(tx, checkout.paymentId, `pi_${order.id}`));
  }
  const item = order.items[0];
  expect(await attemptItem(item.id, "job")).toMatchObject({ kind: "settled", state: "pending_registry" });
  return item;
}

const item = (id: string) => db.orderItem.findUniqueOrThrow({ where: { id }, include: { hold: true } });
const available = async (s: Store) => (await readBalance(db, s.reseller.id)).available;
const refundsPaid = (s: Store) => accountBalance(db, resellerAccount("refunds_paid", s.reseller.id, "USD").id);
const mailsTo = async (to: string) =>
  (await db.outboxMail.findMany({ where: { toAddress: to }, select: { kind: true } })).map((m) => m.kind);

async function endLandrush() {
  expect(await followSunriseApplications()).toMatchObject({ allocated: 0, rejected: 0 });
  admin.advanceClock({ days: 11 });
}

describe("landrush contests", { timeout: 120_000 }, () => {
  it("charges the winner the clearing price and refunds the other storefront's registrant", async () => {
    const { a, b } = await twoStorefronts();
    const ann = await applied(a, "lr-ann", "anvil.forge", "120.00", "checkout");
    const bob = await applied(b, "lr-bob", "anvil.forge", "90.00", "balance");
    // Each is priced and held at its maximum.
    expect(ann.retailAmount).toBeLessThanOrEqual(12_000);
    expect(ann.retailAmount).toBeGreaterThan(11_900);
    expect(bob.retailAmount).toBeLessThanOrEqual(9_000);
    expect((await item(bob.id)).hold).toMatchObject({ status: "held", amount: bob.wholesaleAmount });
    const bobBid = (bob.details as { maxBidUsd: number }).maxBidUsd;

    await endLandrush();
    expect(await followSunriseApplications()).toMatchObject({ asked: 2, allocated: 1, rejected: 1 });

    // Ann wins at Bob's bid: charged what Bob's maximum is worth at the same prices, not her own.
    const won = await item(ann.id);
    expect(won).toMatchObject({ state: "completed", retailAmount: bob.retailAmount, registryCost: bobBid });
    expect(won.details).toMatchObject({ applicationStatus: "allocated", clearingPriceUsd: bobBid });
    expect(won.hold).toMatchObject({ status: "captured", amount: won.wholesaleAmount });
    // The reseller earned the sale at the clearing price and paid its wholesale.
    expect(await available(a)).toBe(BALANCE - won.wholesaleAmount + won.retailAmount);
    // Her card was charged her maximum; the difference went back, once.
    expect(Math.abs(await refundsPaid(a))).toBe(ann.retailAmount - bob.retailAmount);
    expect(stripe.refunds).toEqual([
      expect.objectContaining({ amount: ann.retailAmount - bob.retailAmount, key: `landrush-excess:${ann.id}` }),
    ]);
    const order = await db.order.findUniqueOrThrow({ where: { id: ann.orderId } });
    expect(order.retailTotal).toBe(bob.retailAmount);
    expect(await db.domain.findUniqueOrThrow({ where: { name: "anvil.forge" } })).toMatchObject({
      state: "active",
      resellerId: a.reseller.id,
      registrantId: a.customer.registrant.id,
    });
    // Ann's contact is the name's registrant, admin and tech at the registry and on the domain row.
    const annContact = (won.details as { contactId: string }).contactId;
    const who = await registrantOf("anvil.forge");
    expect(who.registry).toMatchObject({ email: "ann@a.example", admin: who.registry.registrant });
    expect(who.registry.tech).toBe(who.registry.registrant);
    expect(who.domain).toEqual({
      registrantContactId: annContact,
      adminContactId: annContact,
      techContactId: annContact,
    });
    expect(await db.contactVerification.count({ where: { contactId: annContact } })).toBe(1);

    // Bob is refunded in full: the hold returns to his reseller's balance.
    const lost = await item(bob.id);
    expect(lost).toMatchObject({ state: "refunded", retailAmount: bob.retailAmount });
    expect(lost.details).toMatchObject({ applicationStatus: "rejected" });
    expect(lost.hold?.status).toBe("released");
    expect(await available(b)).toBe(BALANCE);

    // The registry charged the platform the clearing price once, and refunded the losing application.
    expect(admin.domains("platform").map((d) => d.name)).toEqual(["anvil.forge"]);
    expect(await followSunriseApplications()).toMatchObject({ asked: 0 });
    expect((await verifyLedger(db)).faults).toEqual([]);
    expect(await mailsTo("ann@a.example")).toContain("order.finished");
    expect(await mailsTo("bob@b.example")).toContain("order.finished");
  });

  it("clears an uncontested name at the phase price and refuses a maximum below it", async () => {
    const { a } = await twoStorefronts();
    await expect(
      applyLandrush(a.customer.ctx, {
        resellerId: a.reseller.id,
        registrantId: a.customer.registrant.id,
        application: { name: "quiet.forge", maxBid: "50.00" },
        idempotencyKey: "lr-low",
        channel: "storefront",
        payment: "balance",
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/landrush price is \$58\.08/) });
    // New registrant details are checked as at checkout, each problem named on the form's prefixed field.
    await expect(
      applyLandrush(a.customer.ctx, {
        resellerId: a.reseller.id,
        registrantId: a.customer.registrant.id,
        application: { name: "quiet.forge", maxBid: "100.00", contact: { ...APPLICANT, email: "not-an-address" } },
        idempotencyKey: "lr-bad-contact",
        channel: "storefront",
        payment: "balance",
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { "contact-email": expect.any(String) } });
    expect(await db.contact.count()).toBe(0);

    const ann = await applied(a, "lr-quiet", "quiet.forge", "100.00", "balance");
    await endLandrush();
    expect(await followSunriseApplications()).toMatchObject({ allocated: 1 });
    // 44.00 USD → 48.40 wholesale (10 % premium rule) → 58.08 retail (20 % markup).
    const won = await item(ann.id);
    expect(won).toMatchObject({
      state: "completed",
      registryCost: PHASE_FEE,
      wholesaleAmount: 4_840,
      retailAmount: 5_808,
    });
    expect(won.hold).toMatchObject({ status: "captured", amount: 4_840 });
    expect(await available(a)).toBe(BALANCE - 4_840);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("sends a card payer's excess again when the payment provider refused it at first", async () => {
    const { a } = await twoStorefronts();
    const ann = await applied(a, "lr-card", "quiet.forge", "100.00", "checkout");
    await endLandrush();
    stripe.refundFaults.push("fail");
    expect(await followSunriseApplications()).toMatchObject({ allocated: 1 });
    const excess = ann.retailAmount - 5_808;
    expect(await item(ann.id)).toMatchObject({ state: "completed", retailAmount: 5_808 });
    expect((await item(ann.id)).details).toMatchObject({ excessRefund: { amount: excess, sent: false } });
    expect(stripe.refunds).toEqual([]);

    await followSunriseApplications();
    await followSunriseApplications();
    expect(stripe.refunds).toEqual([expect.objectContaining({ amount: excess, key: `landrush-excess:${ann.id}` })]);
    expect((await item(ann.id)).details).toMatchObject({ excessRefund: { amount: excess, sent: true } });
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("gives the name to the higher maximum even when the lower one applied first", async () => {
    const { a, b } = await twoStorefronts();
    const early = await applied(a, "lr-early", "ember.forge", "70.00", "checkout");
    const late = await applied(b, "lr-late", "ember.forge", "95.00", "checkout");
    await endLandrush();
    expect(await followSunriseApplications()).toMatchObject({ allocated: 1, rejected: 1 });

    const lost = await item(early.id);
    expect(lost.state).toBe("refunded");
    expect(lost.hold?.status).toBe("released");
    expect(Math.abs(await refundsPaid(a))).toBe(early.retailAmount);
    expect(await available(a)).toBe(BALANCE);
    expect(stripe.refunds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ amount: early.retailAmount, key: `refund:${early.id}` }),
        expect.objectContaining({ amount: late.retailAmount - early.retailAmount, key: `landrush-excess:${late.id}` }),
      ]),
    );
    expect(stripe.refunds).toHaveLength(2);

    const won = await item(late.id);
    expect(won).toMatchObject({ state: "completed", retailAmount: early.retailAmount });
    expect(Math.abs(await refundsPaid(b))).toBe(late.retailAmount - early.retailAmount);
    expect(await db.domain.findUniqueOrThrow({ where: { name: "ember.forge" } })).toMatchObject({
      resellerId: b.reseller.id,
    });
    expect((await verifyLedger(db)).faults).toEqual([]);
  });
});

describe("claims at landrush", { timeout: 120_000 }, () => {
  // globex is on the registry's DNL (src/mock-registry/config/claims-list.ts).
  const NAME = "globex.forge";

  async function apply(s: Store, key: string, claimsNoticeId?: string) {
    return applyLandrush(s.customer.ctx, {
      resellerId: s.reseller.id,
      registrantId: s.customer.registrant.id,
      application: { name: NAME, maxBid: "80.00", contact: APPLICANT, claimsNoticeId },
      idempotencyKey: key,
      channel: "storefront",
      payment: "balance",
    });
  }

  it("asks for the claims notice before payment and sends the accepted one with the application", async () => {
    const { a } = await twoStorefronts();
    const { notice } = await checkLandrushName(a.customer.ctx, a.reseller.id, NAME);
    expect(notice).toMatchObject({
      name: NAME,
      claimKey: expect.any(String),
      noticeId: expect.stringMatching(/^[0-9a-f]{8}\d{19}$/),
    });
    expect(notice!.text).toContain(NAME);

    // Not accepted, or another notice's id: refused before anything is ordered, held or saved.
    for (const [key, id] of [
      ["lr-claims-none", undefined],
      ["lr-claims-wrong", "0000000a1234567890123456789"],
    ] as const)
      await expect(apply(a, key, id)).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fields: { claimsNoticeId: expect.any(String) },
      });
    expect(await db.order.count()).toBe(0);
    expect(await db.contact.count()).toBe(0);
    expect(await available(a)).toBe(BALANCE);

    // Accepted: the registry takes the application (it refuses a listed label's create without the notice, 2304).
    const { order } = await apply(a, "lr-claims-ok", notice!.noticeId);
    const applied = order.items[0];
    expect(applied.details).toMatchObject({ claims: { noticeId: notice!.noticeId, notAfter: notice!.notAfter } });
    expect(await attemptItem(applied.id, "job")).toMatchObject({ kind: "settled", state: "pending_registry" });

    await endLandrush();
    expect(await followSunriseApplications()).toMatchObject({ allocated: 1 });
    const domain = await db.domain.findUniqueOrThrow({ where: { name: NAME } });
    expect(domain.registrantContactId).toBe((applied.details as { contactId: string }).contactId);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "domain.register", entityId: domain.id } });
    expect(audit.after).toMatchObject({ phase: "landrush", claimsNotice: notice!.noticeId });
  });
});
