/**
 * Trademark marks sold as a product and fulfilled by the order engine, against the TMCH stand-in in
 * this process on a clock the test moves: a submission reaches verified and its SMD verifies with the
 * platform's verifier against the stand-in's CA, CRL and SMDRL; an incorrect one is corrected and then
 * verified; a withdrawn mark's SMD is refused once the SMDRL is fetched again; CNIS answers a DNL
 * lookup key with a notice whose TCNID checks out; renewals are priced and extend the term; the
 * registrant is mailed at each change and once a month before expiry.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTmchStandIn, type RunningTmchStandIn } from "@/tmch-standin/index";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { queue } from "@/server/jobs/boss";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { setTmchForTests } from "@/server/tmch/http/access";
import { standInTmch } from "@/server/tmch/http/standin-tmch";
import type { TmchPort } from "@/server/tmch/port";
import { orderMark } from "@/server/tmch/mark-orders/order-mark";
import { renewMark } from "@/server/tmch/mark-orders/renew-mark";
import { correctMark } from "@/server/tmch/marks/correct-mark";
import { addProofOfUse } from "@/server/tmch/marks/add-proof-of-use";
import { pollMarks } from "@/server/tmch/mark-polling/poll-marks";
import { loadTmchTrust } from "@/server/tmch/smd/trust";
import { verifySmd } from "@/server/tmch/smd/verify-smd";
import { parseDnl } from "@/server/tmch/lists/parse-dnl";
import { verifyListSignature } from "@/server/tmch/lists/verify-list-signature";
import { makeTcnid } from "@/server/tmch/standin/tcnid";
import { createRegistrant, createReseller, createTier, fundReseller } from "../../support/factories";
import { bloomSubmission, PROOF_OF_USE, TestClock } from "../../support/tmch-marks";

const STEP = 60_000;
const DAY = 86_400_000;
const clock = new TestClock(new Date(Date.now() - 400 * DAY));
let running: RunningTmchStandIn;
let port: TmchPort;

beforeAll(async () => {
  await queue();
  running = await startTmchStandIn({ port: 6132, now: clock.now, reviewDelayMs: STEP });
  port = standInTmch({ baseUrl: running.url });
  setTmchForTests(port);
});
afterAll(async () => {
  setTmchForTests(null);
  await running.close();
});

async function world() {
  await db.product.create({
    data: {
      kind: "tmch",
      code: "tmch-mark",
      name: "Trademark Clearinghouse mark",
      maxPeriod: 5,
      registryCosts: {
        create: [
          { operation: "register", amount: 15_000 },
          { operation: "renew", amount: 15_000 },
        ],
      },
    },
  });
  const tier = await createTier("tmch", { "tmch-mark": 18_000 });
  const reseller = await createReseller();
  await fundReseller(reseller.id, tier.id, 1_000_000, { markupKind: "percent", markupValue: 2_500, rounding: "none" });
  const customer = await createRegistrant(reseller.id, { email: "brand@bloom.example" });
  return { reseller, customer };
}

type World = Awaited<ReturnType<typeof world>>;

async function order(w: World, key: string, submission = bloomSubmission(), termYears = 3, proof = true) {
  const { mark, order: placed } = await orderMark(systemContext(w.reseller.id), {
    resellerId: w.reseller.id,
    registrantId: w.customer.registrant.id,
    submission,
    termYears,
    proofOfUse: proof ? PROOF_OF_USE : undefined,
    idempotencyKey: key,
    channel: "console",
    payment: "balance",
  });
  return { markId: mark.id, item: placed.items[0] };
}

const row = (id: string) => db.tmchMark.findUniqueOrThrow({ where: { id } });
/** What the registrant was told about their marks (the engine's own order mails aside). */
const mailKinds = async () =>
  (
    await db.outboxMail.findMany({
      where: { toAddress: "brand@bloom.example", kind: { startsWith: "tmch." } },
      orderBy: { createdAt: "asc" },
    })
  ).map((m) => m.kind);

async function trust() {
  const { caPem, crlPem } = await port.trustMaterial();
  const smdrl = await port.list("smdrl");
  const signed = await verifyListSignature({
    data: smdrl.csv,
    armoredSignature: smdrl.signature,
    armoredPublicKey: await port.listsPublicKey(),
  });
  expect(signed.valid).toBe(true);
  return loadTmchTrust({ caPem, crlPem, smdrlCsv: smdrl.csv });
}

describe("TMCH marks through the order engine", () => {
  it("submits a paid mark, follows it to verified and stores an SMD that verifies; withdrawal revokes it", async () => {
    const w = await world();
    const { markId, item } = await order(w, "mark-1");
    // Three years at the tier's 180.00 a year, with the reseller's 25 % markup.
    expect(item).toMatchObject({ kind: "tmch_mark", period: 3, wholesaleAmount: 54_000, retailAmount: 67_500 });
    expect(await attemptItem(item.id, "job")).toMatchObject({ kind: "settled", state: "completed" });
    expect(await row(markId)).toMatchObject({ state: "submitted", orderItemId: item.id, pendingProofOfUse: null });

    clock.advance(2 * STEP);
    expect(await pollMarks(clock.now())).toMatchObject({ polled: 1, changed: 1 });
    const verified = await row(markId);
    expect(verified).toMatchObject({ state: "verified", labels: expect.arrayContaining(["bloom-and-co", "bloomco"]) });
    expect(verified.expiresAt!.getTime() - verified.verifiedAt!.getTime()).toBeGreaterThan(3 * 365 * DAY);
    expect(await mailKinds()).toEqual(["tmch.mark-submitted", "tmch.mark-verified"]);

    const verdict = verifySmd(verified.smdFile!, await trust(), clock.now());
    expect(verdict).toMatchObject({ valid: true, smdId: verified.smdId });
    expect(verdict.labels).toEqual(verified.labels);

    running.standIn.deactivate(verified.tmchId!);
    expect(verifySmd(verified.smdFile!, await trust(), clock.now())).toMatchObject({
      valid: false,
      reason: "smd-revoked",
    });
    await pollMarks(new Date(clock.now().getTime() + 2 * 3_600_000));
    expect(await row(markId)).toMatchObject({ state: "deactivated", smdFile: null });
    expect((await mailKinds()).at(-1)).toBe("tmch.mark-deactivated");
  });

  it("has an incorrect submission corrected by its registrant, free, and then verified", async () => {
    const w = await world();
    const wrong = bloomSubmission({
      name: "Nova Forge",
      regDate: new Date(clock.now().getTime() + 30 * DAY).toISOString(),
    });
    const { markId, item } = await order(w, "mark-2", wrong, 1, false);
    await attemptItem(item.id, "job");
    clock.advance(STEP);
    await pollMarks(clock.now());
    expect((await row(markId)).state).toBe("verifying");
    clock.advance(STEP);
    await pollMarks(clock.now());
    expect(await row(markId)).toMatchObject({
      state: "incorrect",
      reasons: ["The registration date is in the future."],
    });
    expect((await mailKinds()).at(-1)).toBe("tmch.mark-incorrect");

    const other = await createRegistrant(w.reseller.id);
    const fixed = bloomSubmission({ name: "Nova Forge" });
    await expect(correctMark(other.ctx, { markId, submission: fixed })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const balanceBefore = await db.order.count();
    expect(await correctMark(w.customer.ctx, { markId, submission: fixed })).toMatchObject({ state: "corrected" });
    expect(await db.order.count()).toBe(balanceBefore);
    await expect(correctMark(w.customer.ctx, { markId, submission: fixed })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    clock.advance(STEP);
    await pollMarks(clock.now());
    clock.advance(STEP);
    await pollMarks(clock.now());
    expect(await row(markId)).toMatchObject({ state: "verified", reasons: [], smdFile: null });
    expect(await mailKinds()).toEqual([
      "tmch.mark-submitted",
      "tmch.mark-verifying",
      "tmch.mark-incorrect",
      "tmch.mark-corrected",
      "tmch.mark-verifying",
      "tmch.mark-verified",
    ]);

    // Verified without a proof of use: on the DNL, no SMD until one is added.
    const withProof = await addProofOfUse(w.customer.ctx, { markId, proof: PROOF_OF_USE });
    expect(withProof.hasProofOfUse).toBe(true);
    expect(verifySmd(withProof.smdFile!, await trust(), clock.now())).toMatchObject({
      valid: true,
      labels: ["nova-forge", "novaforge"],
    });
  });

  it("serves the claims notice CNIS has for a DNL lookup key, its TCNID valid", async () => {
    const w = await world();
    const { markId, item } = await order(w, "mark-3", bloomSubmission({ name: "Bloom Claims" }), 1);
    await attemptItem(item.id, "job");
    clock.advance(2 * STEP);
    await pollMarks(clock.now());
    expect((await row(markId)).state).toBe("verified");

    const dnl = await port.list("dnl");
    expect(
      await verifyListSignature({
        data: dnl.csv,
        armoredSignature: dnl.signature,
        armoredPublicKey: await port.listsPublicKey(),
      }),
    ).toMatchObject({ valid: true });
    const entry = parseDnl(dnl.csv).rows.find((r) => r.label === "bloomclaims")!;
    const notice = await port.claimsNotice(entry.lookupKey);
    const id = /<tmNotice:id>(\d|[a-f])+/.exec(notice)![0].slice("<tmNotice:id>".length);
    const notAfter = new Date(/<tmNotice:notAfter>([^<]+)</.exec(notice)![1]);
    expect(id).toHaveLength(27);
    expect(makeTcnid("bloomclaims", notAfter, id.slice(8))).toBe(id);
    expect(notice).toContain("<tmNotice:markName>Bloom Claims</tmNotice:markName>");
    await expect(port.claimsNotice("../../admin/status")).rejects.toMatchObject({ kind: "refused" });
  });

  it("renews at the renew price, extends the term, and reminds once a month before expiry", async () => {
    const w = await world();
    const { markId, item } = await order(w, "mark-4", bloomSubmission({ name: "Renew Me" }), 1);
    await attemptItem(item.id, "job");
    clock.advance(2 * STEP);
    await pollMarks(clock.now());
    const before = await row(markId);

    const { order: renewal } = await renewMark(w.customer.ctx, {
      markId,
      years: 1,
      idempotencyKey: "renew-1",
      channel: "storefront",
      payment: "balance",
    });
    expect(renewal.items[0]).toMatchObject({
      kind: "tmch_mark",
      period: 1,
      wholesaleAmount: 18_000,
      retailAmount: 22_500,
    });
    expect(await attemptItem(renewal.items[0].id, "job")).toMatchObject({ kind: "settled", state: "completed" });
    const after = await row(markId);
    expect(after.expiresAt!.getUTCFullYear()).toBe(before.expiresAt!.getUTCFullYear() + 1);
    expect(after.smdId).not.toBe(before.smdId);

    clock.at = new Date(after.expiresAt!.getTime() - 20 * DAY);
    expect((await pollMarks(clock.now())).reminded).toBe(1);
    expect((await pollMarks(clock.now())).reminded).toBe(0);
    expect((await mailKinds()).filter((k) => k === "tmch.mark-expiry-soon")).toHaveLength(1);

    clock.at = new Date(after.expiresAt!.getTime() + DAY);
    await pollMarks(new Date(clock.now().getTime() + 2 * 3_600_000));
    expect((await row(markId)).state).toBe("expired");
  });

  it("retries a submission whose answer was lost, as uncertain, without recording the mark twice", async () => {
    const w = await world();
    const { markId, item } = await order(w, "mark-6", bloomSubmission({ name: "Lost Answer" }), 1);
    running.faults.set("submit", { mode: "drop_after_effect", times: 1 });
    expect(await attemptItem(item.id, "job")).toMatchObject({ kind: "retry" });
    expect(await db.fulfilmentRun.findUniqueOrThrow({ where: { itemId: item.id } })).toMatchObject({ uncertain: true });
    expect(await attemptItem(item.id, "job")).toMatchObject({ kind: "settled", state: "completed" });
    const atTmch = Object.values(running.standIn.state.marks).filter((m) => m.externalId === markId);
    expect(atTmch).toHaveLength(1);
    expect(await row(markId)).toMatchObject({ state: "submitted", tmchId: atTmch[0].id });
  });

  it("fails and refunds a submission the TMCH refuses, and marks it cancelled", async () => {
    const w = await world();
    const { markId, item } = await order(w, "mark-5", bloomSubmission({ name: "Refused Mark" }), 1);
    running.faults.set("submit", { mode: "refuse", message: "Agent account suspended", times: 1 });
    expect(await attemptItem(item.id, "job")).toMatchObject({ kind: "settled", state: "refunded" });
    expect(await row(markId)).toMatchObject({ state: "cancelled", reasons: ["Agent account suspended"] });
  });
});
