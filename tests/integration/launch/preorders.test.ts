/**
 * Pre-registration (decision 124): binding pre-orders for .nova names wait with the money held until
 * .nova opens to everyone on the registry's clock, then go to the registry in the order received:
 * the first pre-order for a name gets it (completed, Domain written, hold captured), a later one for
 * the same name and a name someone else took meanwhile are refused and refunded. Expressions of
 * interest are mailed once per phase.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MockRegistry, RegistryAdmin } from "@/mock-registry";
import { buildRegistryRouter, setRegistryForTests } from "@/server/registry/access";
import { createRegistryPort, type RegistryPort } from "@/server/registry";
import { clearCheckCache } from "@/server/domains/search/check-cache";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { readBalance } from "@/server/billing/get-balance";
import { placePreorder } from "@/server/launch/preorder-orders/place-preorder";
import { checkPreorderName } from "@/server/launch/preorder-orders/preorder-check";
import { submitOpenPreorders } from "@/server/launch/preorder-submit/submit-preorders";
import { registerInterest } from "@/server/launch/interest/register-interest";
import { watchPhaseStartsOnce } from "@/server/launch/preorder-submit/watch-job";
import { createDomainReseller, createRegistrant } from "../../support/factories";
import { createTldProduct } from "../../support/factories/money";
import { CONTACT } from "../domains/fulfilment/helpers";

const BALANCE = 1_000_000;
const DAY = 86_400_000;
const NOW = Math.floor(Date.now() / 60_000) * 60_000;

let admin: RegistryAdmin;
let rival: RegistryPort;
let closeAll: () => Promise<void>;

beforeAll(() => queue());
afterEach(() => closeAll());

/** The registry with .nova's phases placed so that `daysIntoLaunch` is today (announced -30, sunrise 30, claims 60, open 150). */
function startRegistry(daysIntoLaunch: number) {
  const registry = new MockRegistry({ dataDir: null, frozenAt: NOW, anchorAt: NOW - daysIntoLaunch * DAY });
  admin = new RegistryAdmin(registry);
  const config = (clientId: string, password: string) => ({
    adapter: "inprocess" as const,
    registry,
    clientId,
    password,
    commandTimeoutMs: 5_000,
  });
  const platform = buildRegistryRouter(config("platform", "platform-dev-pass"), { nova: "newgtld-sim" });
  rival = createRegistryPort(config("rival", "rival-dev-pass"));
  setRegistryForTests(platform.router, "platform");
  clearCheckCache();
  closeAll = async () => {
    setRegistryForTests(null);
    await platform.close();
    await rival.close();
  };
}

async function novaStore() {
  await createTldProduct("nova", 2_400, { operator: "newgtld-sim" });
  const reseller = await createDomainReseller({ slug: "nova-store", wholesale: { nova: 2_600 }, balance: BALANCE });
  const ann = await createRegistrant(reseller.id, { email: "ann@nova.example" });
  const bob = await createRegistrant(reseller.id, { email: "bob@nova.example" });
  return { reseller, ann, bob };
}

type Customer = Awaited<ReturnType<typeof createRegistrant>>;

/** Places a balance-paid pre-order and lets the engine queue it. */
async function preorder(resellerId: string, who: Customer, key: string, fields: Record<string, unknown>) {
  const { order } = await placePreorder(who.ctx, {
    resellerId,
    registrantId: who.registrant.id,
    preorder: { contact: CONTACT, ...fields },
    idempotencyKey: key,
    channel: "storefront",
    payment: "balance",
  });
  const item = order.items[0];
  expect(await attemptItem(item.id, "job")).toMatchObject({ kind: "settled", state: "pending_registry" });
  return item;
}

const item = (id: string) => db.orderItem.findUniqueOrThrow({ where: { id }, include: { hold: true } });

describe("pre-orders", { timeout: 120_000 }, () => {
  it("go to the registry in the order received when claims opens: the first gets the name, the rest are refunded", async () => {
    // Sunrise, an hour before claims: the registry's time stays near ours, so claims notices are current.
    startRegistry(60 - 1 / 24);
    const { reseller, ann, bob } = await novaStore();
    const annComet = await preorder(reseller.id, ann, "po-ann-comet", { name: "comet.nova" });
    const bobComet = await preorder(reseller.id, bob, "po-bob-comet", { name: "comet.nova" });
    const bobTaken = await preorder(reseller.id, bob, "po-bob-taken", { name: "taken.nova" });

    // A name on the Clearinghouse's list needs its notice accepted when the pre-order is placed.
    const place = (claimsNoticeId?: string) =>
      preorder(reseller.id, ann, "po-ann-acme", { name: "acme.nova", claimsNoticeId });
    await expect(place()).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { claimsNoticeId: expect.any(String) },
    });
    const notice = (await checkPreorderName(ann.ctx, reseller.id, "acme.nova")).claims;
    expect(notice?.text).toMatch(/Trademark Clearinghouse/);
    const annAcme = await place(notice?.noticeId);

    // Money is held while they wait; nothing goes out before the phase opens.
    const held = await item(annComet.id);
    expect(held.hold).toMatchObject({ status: "held", amount: annComet.wholesaleAmount });
    expect(await submitOpenPreorders()).toEqual({
      tlds: [{ tld: "nova", phase: "sunrise" }],
      answers: [],
      lastAnsweredAt: null,
    });
    expect(admin.domains("platform")).toEqual([]);

    admin.advanceClock({ hours: 2 });
    // Someone else registers one of the names the moment claims opens.
    await rival.createDomain({ name: "taken.nova", years: 1, authInfo: "Rival-Auth-1x" });
    const summary = await submitOpenPreorders();
    expect(summary.tlds).toEqual([{ tld: "nova", phase: "claims" }]);
    const byItem = Object.fromEntries(summary.answers.map((a) => [a.itemId, a]));
    expect(byItem[annComet.id]).toMatchObject({ name: "comet.nova", result: "registered" });
    expect(byItem[bobComet.id]).toMatchObject({ name: "comet.nova", result: "refused" });
    expect(byItem[bobTaken.id]).toMatchObject({ name: "taken.nova", result: "refused" });
    expect(byItem[annAcme.id]).toMatchObject({ name: "acme.nova", result: "registered" });
    // One name's pre-orders go one after another, in the order received.
    const comet = summary.answers.filter((a) => a.name === "comet.nova").map((a) => a.itemId);
    expect(comet).toEqual([annComet.id, bobComet.id]);

    // The first received got the name: completed, charged once, the Domain is Ann's.
    const won = await item(annComet.id);
    expect(won.state).toBe("completed");
    expect(won.hold?.status).toBe("captured");
    expect(won.details).toMatchObject({ outcome: { result: "registered" } });
    expect(await db.domain.findUniqueOrThrow({ where: { name: "comet.nova" } })).toMatchObject({
      state: "active",
      registrantId: ann.registrant.id,
    });
    // The DNL name went in with a current claims acknowledgement.
    expect(await db.domain.findUniqueOrThrow({ where: { name: "acme.nova" } })).toMatchObject({ state: "active" });

    // The later pre-order for the same name and the name taken meanwhile: holds released, refunded.
    for (const id of [bobComet.id, bobTaken.id]) {
      const lost = await item(id);
      expect(lost.state).toBe("refunded");
      expect(lost.hold?.status).toBe("released");
      expect(lost.details).toMatchObject({ outcome: { result: "refused" } });
    }
    expect((await item(bobTaken.id)).failureReason).toMatch(/registered by someone else/);
    expect((await readBalance(db, reseller.id)).available).toBe(
      BALANCE - won.wholesaleAmount - annAcme.wholesaleAmount,
    );
    expect(
      admin
        .domains("platform")
        .map((d) => d.name)
        .sort(),
    ).toEqual(["acme.nova", "comet.nova"]);

    // Nothing is sent twice.
    expect((await submitOpenPreorders()).answers).toEqual([]);
    expect((await verifyLedger(db)).faults).toEqual([]);
    const bobMails = await db.outboxMail.findMany({ where: { toAddress: "bob@nova.example" }, select: { kind: true } });
    expect(bobMails.map((m) => m.kind)).toContain("order.finished");
  });

  it("wait through an announced TLD's sunrise, and interest is mailed once per phase", async () => {
    // Announced: sunrise starts tomorrow.
    startRegistry(29);
    const { reseller, ann } = await novaStore();
    await expect(
      preorder(reseller.id, ann, "po-open", { name: "star.nova", claimsNoticeId: "" }).then(() => "placed"),
    ).resolves.toBe("placed");
    const star = (await db.orderItem.findFirstOrThrow({ where: { subject: "star.nova" } })).id;
    await registerInterest(null, {
      resellerId: reseller.id,
      interest: { subject: ".nova", email: "Visitor@Mail.example" },
    });
    await registerInterest(ann.ctx, { resellerId: reseller.id, interest: { subject: "star.nova" } });
    const mails = () =>
      db.outboxMail.findMany({ where: { kind: "launch.interest-phase" }, orderBy: { toAddress: "asc" } });

    await watchPhaseStartsOnce();
    expect(await mails()).toEqual([]);

    admin.advanceClock({ days: 2 });
    await watchPhaseStartsOnce();
    await watchPhaseStartsOnce();
    // Sunrise: each interest told once; the pre-order still waits (sunrise is for trademark holders).
    expect((await mails()).map((m) => m.toAddress)).toEqual(["ann@nova.example", "visitor@mail.example"]);
    expect((await item(star)).state).toBe("pending_registry");

    admin.advanceClock({ days: 30 });
    await watchPhaseStartsOnce();
    expect(await item(star)).toMatchObject({ state: "completed" });
    expect((await mails()).length).toBe(4);
    expect((await mails()).at(-1)?.textBody).toMatch(/Trademark notice period|register/);
  });

  it("refuses a pre-order once the TLD is open, and for a TLD the store does not sell", async () => {
    startRegistry(151);
    const { reseller, ann } = await novaStore();
    const place = (name: string) =>
      placePreorder(ann.ctx, {
        resellerId: reseller.id,
        registrantId: ann.registrant.id,
        preorder: { name, contact: CONTACT },
        idempotencyKey: `po-${name}`,
        channel: "storefront",
        payment: "balance",
      });
    await expect(place("late.nova")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(place("late.bloom")).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
