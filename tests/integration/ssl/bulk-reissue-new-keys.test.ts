/**
 * Bulk reissue to new keys (decision 125), against the CA stand-in in this process: the reseller's run
 * asks each registrant for a new CSR by mail, revokes the old certificates at once (keyCompromise) when
 * the reseller says the keys are compromised, and each certificate is reissued when its registrant
 * sends the CSR, the job's item following it.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startCaStandIn, type RunningCaStandIn } from "@/ca-standin/index";
import { db } from "@/server/db";
import { queue } from "@/server/jobs/boss";
import { localDnsResolver } from "@/server/dns/local-adapter";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { confirmPayment } from "@/server/order-payments/confirm-payment";
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";
import { setCertificateAuthorityForTests } from "@/server/ssl/authority/certificate-authority";
import { standInCertificateAuthority } from "@/server/ssl/ca/standin/standin-adapter";
import { placeSslOrder } from "@/server/ssl/ordering/place-ssl-order";
import { reissueCertificate } from "@/server/ssl/ordering/reissue-certificate";
import { startBulkReissue } from "@/server/ssl/lifecycle/start-bulk-reissue";
import { runBulkReissueJob } from "@/server/ssl/lifecycle/run-bulk-reissue-job";
import { getBulkReissueJobOrThrow } from "@/server/ssl/views/bulk-reissue-jobs";
import { getCertificateDetail } from "@/server/ssl/views/get-certificate-detail";
import { createRegistrant, createReseller, createStaff, createTier, fundReseller } from "../../support/factories";
import { makeCsr, removeTempDirs, tempDir } from "./standin-helpers";

const CA_PORT = 6236;
const OURS = ["ns1.dns-hosting.example", "ns2.dns-hosting.example"];
let running: RunningCaStandIn;

beforeAll(async () => {
  await queue();
  running = await startCaStandIn({
    port: CA_PORT,
    stateDir: tempDir("ssl-bulk-new-keys-ca"),
    resolver: localDnsResolver(db),
  });
  setCertificateAuthorityForTests(standInCertificateAuthority({ baseUrl: running.url }));
});

afterAll(async () => {
  setCertificateAuthorityForTests(null);
  await running.close();
  removeTempDirs();
});

let t: Awaited<ReturnType<typeof tenant>>;

async function tenant() {
  const tier = await createTier("ssl", { "ssl-dv-single": 1_000 });
  const reseller = await createReseller();
  await fundReseller(reseller.id, tier.id, 50_000, { markupKind: "percent", markupValue: 5_000, rounding: "none" });
  const customer = await createRegistrant(reseller.id);
  const owner = await createStaff(reseller.id, "owner");
  return { reseller, customer, owner };
}

/** A certificate bought at the storefront and issued by the engine's first attempt; its subscription and name. */
async function certificate(): Promise<{ sub: string; name: string }> {
  const name = `shop-${randomUUID().slice(0, 8)}.com`;
  await db.domain.create({
    data: {
      resellerId: t.reseller.id,
      registrantId: t.customer.registrant.id,
      name,
      unicodeName: name,
      tld: "com",
      state: "active",
      registeredAt: new Date(),
      expiresAt: new Date(Date.now() + 365 * 86_400_000),
      nameservers: OURS,
    },
  });
  const { order } = await placeSslOrder(t.customer.ctx, {
    resellerId: t.reseller.id,
    idempotencyKey: `ssl-${randomUUID()}`,
    productCode: "ssl-dv-single",
    years: 1,
    csrPem: (await makeCsr([name])).csrPem,
  });
  const checkout = await startOrderCheckout(t.customer.ctx, {
    orderId: order.id,
    storefrontOrigin: "http://shop.test",
  });
  await db.$transaction((tx) => confirmPayment(tx, checkout.paymentId, `pi_${order.id}`));
  await attemptItem(order.items[0].id, "job");
  const sub = await db.certificateSubscription.findUniqueOrThrow({ where: { orderItemId: order.items[0].id } });
  return { sub: sub.id, name };
}

/** The registrant follows the mail's link and sends a new CSR; the engine fulfils the free reissue. */
async function registrantReissues(sub: string, name: string) {
  const { order } = await reissueCertificate(t.customer.ctx, {
    subscriptionId: sub,
    idempotencyKey: `reissue-${randomUUID()}`,
    csrPem: (await makeCsr([name])).csrPem,
  });
  await attemptItem(order.items[0].id, "job");
}

beforeEach(async () => {
  await db.product.create({
    data: {
      kind: "ssl",
      code: "ssl-dv-single",
      name: "DV certificate (single name)",
      maxPeriod: 5,
      details: { level: "dv", coverage: "single", sanCount: 1 },
      registryCosts: { create: [{ operation: "register", amount: 800 }] },
    },
  });
  t = await tenant();
});

describe("a bulk reissue to new keys", () => {
  it("after a key compromise revokes at once, mails each registrant, and reissues as each new CSR arrives", async () => {
    const certs = [await certificate(), await certificate()];
    const old = await db.issuedCertificate.findMany({ where: { resellerId: t.reseller.id } });

    const { id } = await startBulkReissue(t.owner.ctx, { caAdapter: "ca-standin", newKeys: true, keyCompromise: true });
    await runBulkReissueJob(id);

    const { job } = await getBulkReissueJobOrThrow(t.owner.ctx, id);
    expect(job).toMatchObject({ status: "completed", total: 2, done: 2, waiting: 2, reissued: 0, failed: 0 });
    expect(job.items.every((i) => i.outcome === "waiting" && /new key/.test(i.message))).toBe(true);
    // Revoked at the CA already, with the reason a relying party checks, before any new key exists.
    for (const c of old) {
      const now = await db.issuedCertificate.findUniqueOrThrow({ where: { id: c.id } });
      expect(now).toMatchObject({ status: "revoked", revocationReason: "keyCompromise" });
      expect(running.standIn.status(c.serialNumber)).toMatchObject({ status: "revoked", reason: "keyCompromise" });
    }
    expect(await db.certificateRequest.count({ where: { purpose: "reissue" } })).toBe(0);
    const mails = await db.outboxMail.findMany({ where: { kind: "ssl_new_key_requested" } });
    expect(mails.map((m) => m.toAddress)).toEqual([t.customer.registrant.email, t.customer.registrant.email]);
    for (const c of certs)
      expect(
        mails.some((m) => m.textBody.includes(`/account/certificates/${c.sub}`) && m.textBody.includes(c.name)),
      ).toBe(true);
    expect(await db.auditEntry.count({ where: { action: "ssl.certificate.new_keys_requested" } })).toBe(1);

    // The first registrant answers: that certificate is reissued to the new key, the other still waits.
    await registrantReissues(certs[0].sub, certs[0].name);
    const detail = await getCertificateDetail(t.customer.ctx, certs[0].sub);
    const replaced = old.find((c) => c.subscriptionId === certs[0].sub)!;
    expect(detail.current?.spkiSha256).toBeTruthy();
    expect(detail.current?.spkiSha256).not.toBe(replaced.spkiSha256);
    const after = (await getBulkReissueJobOrThrow(t.owner.ctx, id)).job;
    expect(after).toMatchObject({ waiting: 1, reissued: 1 });
    expect(after.items.find((i) => i.certificateId === replaced.id)).toMatchObject({
      outcome: "reissued",
      newCertificateId: detail.current?.id,
    });
    expect(await getCertificateDetail(t.customer.ctx, certs[1].sub)).toMatchObject({ current: null });
  }, 120_000);

  it("without a compromise keeps the old certificates valid until each registrant's new one issues", async () => {
    const { sub, name } = await certificate();
    const old = await db.issuedCertificate.findFirstOrThrow({ where: { subscriptionId: sub } });

    const { id } = await startBulkReissue(t.owner.ctx, { caAdapter: "ca-standin", newKeys: true });
    await runBulkReissueJob(id);
    expect((await getBulkReissueJobOrThrow(t.owner.ctx, id)).job).toMatchObject({ waiting: 1, reissued: 0 });
    expect(await db.issuedCertificate.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: "issued",
      revokeRequestedAt: null,
    });
    expect(running.standIn.status(old.serialNumber).status).toBe("valid");

    await registrantReissues(sub, name);
    expect((await getBulkReissueJobOrThrow(t.owner.ctx, id)).job).toMatchObject({ waiting: 0, reissued: 1 });
    expect(await db.issuedCertificate.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: "replaced",
      revocationReason: "superseded",
    });
  }, 120_000);

  it("a reissue reaching the end of the term leaves no replacement due and keeps the term", async () => {
    const { sub, name } = await certificate();
    const termEndsAt = new Date(Date.now() + 20 * 86_400_000);
    await db.certificateSubscription.update({ where: { id: sub }, data: { termEndsAt } });
    await registrantReissues(sub, name);
    expect(await db.certificateSubscription.findUniqueOrThrow({ where: { id: sub } })).toMatchObject({
      state: "active",
      names: [name],
      termEndsAt,
      nextReplacementAt: null,
    });
  }, 120_000);
});
