/**
 * Bulk reissue to new keys (decision 125), against the CA stand-in in this process: the reseller's run
 * asks each registrant for a new CSR by mail, revokes the old certificates at once (keyCompromise) when
 * the reseller says the keys are compromised, and each certificate is reissued when its registrant
 * sends the CSR, the job's item following it.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { reissueCertificate } from "@/server/ssl/ordering/reissue-certificate";
import { startBulkReissue } from "@/server/ssl/lifecycle/start-bulk-reissue";
import { runBulkReissueJob } from "@/server/ssl/lifecycle/run-bulk-reissue-job";
import { getBulkReissueJobOrThrow } from "@/server/ssl/views/bulk-reissue-jobs";
import { getCertificateDetail } from "@/server/ssl/views/get-certificate-detail";
import { createTier } from "../../support/factories";
import { makeCsr } from "./standin-helpers";
import { buyCertificate, createSslProduct, heldName, issueNow, sslTenant, caStandInForThisFile } from "./ssl-world";

const stand = caStandInForThisFile(6236, "ssl-bulk-new-keys-ca");

let t: Awaited<ReturnType<typeof sslTenant>>;

/** A certificate bought at the storefront and issued by the engine's first attempt; its subscription and name. */
async function certificate(): Promise<{ sub: string; name: string }> {
  const name = await heldName(t.reseller.id, t.customer.registrant.id);
  return { sub: await issueNow(await buyCertificate(t.customer.ctx, t.reseller.id, { names: [name] })), name };
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
  await createSslProduct();
  const tier = await createTier("ssl", { "ssl-dv-single": 1_000 });
  t = await sslTenant(tier.id);
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
      expect(stand.running.standIn.status(c.serialNumber)).toMatchObject({
        status: "revoked",
        reason: "keyCompromise",
      });
    }
    expect(await db.certificateRequest.count({ where: { purpose: "reissue" } })).toBe(0);
    const mails = await db.outboxMail.findMany({ where: { kind: "ssl_new_key_requested" } });
    expect(mails.map((m) => m.toAddress)).toEqual([t.customer.registrant.email, t.customer.registrant.email]);
    // Each names its certificate; the signed link is only in the registrant's copy (key-link-reissue.test.ts).
    for (const c of certs)
      expect(mails.some((m) => m.textBody.includes(c.name) && m.secretText?.includes("/certificate-key/"))).toBe(true);
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
    expect(stand.running.standIn.status(old.serialNumber).status).toBe("valid");

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
