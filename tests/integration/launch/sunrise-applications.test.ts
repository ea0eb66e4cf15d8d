/**
 * Sunrise through the order engine: a registrant records a mark with the TMCH stand-in, it is
 * verified and its SMD issued; they apply for the matching .bloom name with it; the application
 * waits at the registry until sunrise ends and then the name is theirs, charged once. A name another
 * registrar applied for first is refunded; SMDs the registry refuses after payment refund the item
 * with the registry's launch result code (standards.md 1.9).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTmchStandIn, type RunningTmchStandIn } from "@/tmch-standin/index";
import { refreshTmchLists, setClaimsLabels } from "@/mock-registry/policy/tmch-lists-refresh";
import { setTmchTrust } from "@/mock-registry/policy/launch-marks";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { queue } from "@/server/jobs/boss";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { setTmchForTests } from "@/server/tmch/http/access";
import { standInTmch } from "@/server/tmch/http/standin-tmch";
import { orderMark } from "@/server/tmch/mark-orders/order-mark";
import { pollMarks } from "@/server/tmch/mark-polling/poll-marks";
import { placeOrder } from "@/server/orders/place-order";
import { applySunrise } from "@/server/launch/apply/apply-sunrise";
import { listSunriseApplications } from "@/server/launch/apply/list-applications";
import { followSunriseApplications } from "@/server/launch/sunrise/follow-applications";
import { bloomSubmission, PROOF_OF_USE, TestClock } from "../../support/tmch-marks";
import { APPLICANT, DAY, registrantOf, startSunriseRegistry, sunriseWorld, type SunriseRegistry } from "./support";
import { makeContact } from "../../unit/registry/contract/helpers";

const STEP = 60_000;
const clock = new TestClock(new Date(Date.now() - 2 * DAY));
let tmchRunning: RunningTmchStandIn;
let reg: SunriseRegistry | undefined;

beforeAll(async () => {
  await queue();
  tmchRunning = await startTmchStandIn({ port: 6223, now: clock.now, reviewDelayMs: STEP });
  setTmchForTests(standInTmch({ baseUrl: tmchRunning.url }));
});
afterAll(async () => {
  setTmchForTests(null);
  await tmchRunning.close();
});
beforeEach(() => {
  reg = startSunriseRegistry();
});
afterEach(async () => {
  setTmchTrust(null);
  setClaimsLabels(null);
  await reg?.close();
  reg = undefined;
});

type World = Awaited<ReturnType<typeof sunriseWorld>>;

/** A verified mark with proof of use, so it has an SMD. */
async function verifiedMark(w: World, key: string) {
  const { mark, order } = await orderMark(w.customer.ctx, {
    resellerId: w.reseller.id,
    registrantId: w.customer.registrant.id,
    submission: bloomSubmission(),
    termYears: 1,
    proofOfUse: PROOF_OF_USE,
    idempotencyKey: key,
    channel: "storefront",
    payment: "balance",
  });
  expect(await attemptItem(order.items[0].id, "job")).toMatchObject({ state: "completed" });
  clock.advance(2 * STEP);
  await pollMarks(clock.now());
  const row = await db.tmchMark.findUniqueOrThrow({ where: { id: mark.id } });
  expect(row).toMatchObject({ state: "verified", labels: expect.arrayContaining(["bloomco"]) });
  expect(row.smdFile).toContain("-----BEGIN ENCODED SMD-----");
  return row;
}

/** The registry trusts the stand-in's CA and revocation list, as a registry refreshing from the TMCH does. */
const registryTrustsStandIn = () => refreshTmchLists({ baseUrl: tmchRunning.url });

async function apply(w: World, key: string, application: Record<string, unknown>) {
  const { order } = await applySunrise(w.customer.ctx, {
    resellerId: w.reseller.id,
    registrantId: w.customer.registrant.id,
    application: { contact: APPLICANT, ...application },
    idempotencyKey: key,
    channel: "storefront",
    payment: "balance",
  });
  return order.items[0];
}

const item = (id: string) => db.orderItem.findUniqueOrThrow({ where: { id }, include: { hold: true } });

describe("sunrise applications", { timeout: 120_000 }, () => {
  it("waits at the registry until sunrise ends, then the name is the registrant's, charged once", async () => {
    const w = await sunriseWorld();
    const mark = await verifiedMark(w, "mark-1");
    await registryTrustsStandIn();
    const applied = await apply(w, "sunrise-1", { name: "BloomCo.bloom", markId: mark.id, years: 1 });
    // The registry charges three times its create price in sunrise (20.00 → 60.00): the item is priced
    // from that fee with the tier's 10 % premium rule and the reseller's 20 % markup.
    expect(applied).toMatchObject({ kind: "sunrise_application", subject: "bloomco.bloom", registryCost: 6_000 });
    expect(applied.wholesaleAmount).toBe(6_600);
    expect(applied.retailAmount).toBe(7_920);

    expect(await attemptItem(applied.id, "job")).toMatchObject({ kind: "settled", state: "pending_registry" });
    const waiting = await item(applied.id);
    expect(waiting.hold?.status).toBe("held");
    expect(waiting.details).toMatchObject({ applicationStatus: "pendingAllocation", smdId: mark.smdId });
    expect(await listSunriseApplications(w.customer.ctx)).toMatchObject([
      { subject: "bloomco.bloom", state: "pending_registry", applicationStatus: "pendingAllocation" },
    ]);

    // Before sunrise's end nothing changes.
    expect(await followSunriseApplications()).toMatchObject({ asked: 1, waiting: 1 });
    expect(await db.domain.count()).toBe(0);

    reg!.admin.advanceClock({ days: 21 });
    expect(await followSunriseApplications()).toMatchObject({ asked: 1, allocated: 1 });
    const done = await item(applied.id);
    expect(done.state).toBe("completed");
    expect(done.hold?.status).toBe("captured");
    const domain = await db.domain.findUniqueOrThrow({ where: { name: "bloomco.bloom" } });
    expect(domain).toMatchObject({
      state: "active",
      registrantId: w.customer.registrant.id,
      resellerId: w.reseller.id,
    });
    expect(domain.expiresAt!.getTime() - domain.registeredAt!.getTime()).toBeGreaterThanOrEqual(365 * DAY);
    // The contact given with the application is the name's registrant, admin and tech, at the
    // registry (so RDAP shows it) and on the domain row; its email is being verified as for any registration.
    const { contactId } = done.details as { contactId: string };
    const who = await registrantOf("bloomco.bloom");
    expect(who.registry).toMatchObject({ email: APPLICANT.email, admin: who.registry.registrant });
    expect(who.registry.tech).toBe(who.registry.registrant);
    expect(who.domain).toEqual({ registrantContactId: contactId, adminContactId: contactId, techContactId: contactId });
    expect(await db.contact.findUniqueOrThrow({ where: { id: contactId } })).toMatchObject({
      registrantId: w.customer.registrant.id,
      email: APPLICANT.email,
    });
    expect(await db.contactVerification.count({ where: { contactId } })).toBe(1);

    // A second run finds nothing to do, and the registry charged one application.
    expect(await followSunriseApplications()).toMatchObject({ asked: 0 });
    expect(await db.domain.count({ where: { name: "bloomco.bloom" } })).toBe(1);
    expect((await verifyLedger(db)).faults).toEqual([]);
    const mails = await db.outboxMail.findMany({ where: { toAddress: "brand@bloom.example" }, select: { kind: true } });
    expect(mails.map((m) => m.kind)).toContain("order.finished");
  });

  it("refunds the registrant when another registrar's earlier application wins the name", async () => {
    const w = await sunriseWorld();
    const mark = await verifiedMark(w, "mark-2");
    await registryTrustsStandIn();
    const rivalContact = await makeContact(reg!.rival);
    const rivalApplied = await reg!.rival.createDomain({
      name: "bloomco.bloom",
      authInfo: "rival-secret-1",
      registrant: rivalContact,
      contacts: [
        { type: "admin", id: rivalContact },
        { type: "tech", id: rivalContact },
      ],
      fee: { amount: 6_000, currency: "USD" },
      launch: { phase: "sunrise", encodedSignedMark: mark.smdFile!, application: true },
    });
    expect(rivalApplied.data).toMatchObject({ pending: true, applicationId: expect.any(String) });

    const applied = await apply(w, "sunrise-2", { name: "bloomco.bloom", markId: mark.id });
    expect(await attemptItem(applied.id, "job")).toMatchObject({ state: "pending_registry" });
    reg!.admin.advanceClock({ days: 21 });
    expect(await followSunriseApplications()).toMatchObject({ rejected: 1 });
    const done = await item(applied.id);
    expect(done.state).toBe("refunded");
    expect(done.hold?.status).toBe("released");
    expect(done.details).toMatchObject({ applicationStatus: "rejected" });
    expect(await db.domain.count()).toBe(0);
    expect((await verifyLedger(db)).faults).toEqual([]);
  });

  it("accepts an uploaded SMD file instead of a mark on the platform", async () => {
    const w = await sunriseWorld();
    const mark = await verifiedMark(w, "mark-3");
    await registryTrustsStandIn();
    const applied = await apply(w, "sunrise-3", { name: "bloom-and-co.bloom", smdFile: mark.smdFile });
    expect(applied.details).toMatchObject({ markId: null, smdId: mark.smdId });
    expect(await attemptItem(applied.id, "job")).toMatchObject({ state: "pending_registry" });
  });
});

describe(
  "launch result codes the registry answers after payment, each refunding the item",
  { timeout: 120_000 },
  () => {
    /** An application placed as checkout would, without the check before payment. */
    async function placed(w: World, key: string, name: string, encodedSignedMark: string) {
      const { order } = await placeOrder(systemContext(w.reseller.id), {
        resellerId: w.reseller.id,
        registrantId: w.customer.registrant.id,
        idempotencyKey: key,
        channel: "console",
        payment: "balance",
        items: [
          {
            kind: "sunrise_application",
            productCode: "bloom",
            subject: name,
            period: 1,
            premiumFeeUsd: 6_000,
            details: { unicodeName: name, encodedSignedMark, smdId: "1-1", markId: null, registryFeeUsd: 6_000 },
          },
        ],
      });
      return order.items[0];
    }

    async function refundedWith(itemId: string, code: number, words: RegExp) {
      expect(await attemptItem(itemId, "job")).toMatchObject({ kind: "settled", state: "refunded", code });
      const done = await item(itemId);
      expect(done.state).toBe("refunded");
      expect(done.hold?.status).toBe("released");
      expect(done.failureReason).toMatch(words);
    }

    it("2306: an SMD from a TMCH the registry does not trust", async () => {
      const w = await sunriseWorld();
      const mark = await verifiedMark(w, "mark-4");
      // The registry still trusts ICANN's CA only.
      const i = await placed(w, "code-1", "bloomco.bloom", mark.smdFile!);
      await refundedWith(i.id, 2306, /not signed by the TMCH CA/i);
    });

    it("2306: an SMD revoked between payment and the create", async () => {
      const w = await sunriseWorld();
      const mark = await verifiedMark(w, "mark-5");
      const i = await apply(w, "code-2", { name: "bloomco.bloom", markId: mark.id });
      tmchRunning.standIn.deactivate(mark.tmchId!);
      await registryTrustsStandIn();
      await refundedWith(i.id, 2306, /revoked/i);
    });

    it("2306: sunrise ended between payment and the create", async () => {
      const w = await sunriseWorld();
      const mark = await verifiedMark(w, "mark-6");
      await registryTrustsStandIn();
      const i = await apply(w, "code-3", { name: "bloomco.bloom", markId: mark.id });
      reg!.admin.advanceClock({ days: 21 });
      await refundedWith(i.id, 2306, /phase/i);
    });

    it("2003: an SMD whose labels do not include the name", async () => {
      const w = await sunriseWorld();
      const mark = await verifiedMark(w, "mark-7");
      await registryTrustsStandIn();
      const i = await placed(w, "code-4", "florist.bloom", mark.smdFile!);
      await refundedWith(i.id, 2003, /does not match/i);
    });

    it("2005: an SMD that is not a signed mark", async () => {
      const w = await sunriseWorld();
      const i = await placed(w, "code-5", "bloomco.bloom", Buffer.from("<not-a-mark/>").toString("base64"));
      await refundedWith(i.id, 2005, /could not be parsed|improperly encoded/i);
    });
  },
);
