/**
 * Bulk reissue as a job (decision 119), against the CA stand-in in this process: every selected
 * certificate is listed when the job starts, results arrive per certificate while it runs (reissued,
 * or failed with a reason), and the registrar's scope: an admin reissues across resellers, an auditor
 * reads the same pages and cannot start one, and a reseller never sees another's certificates or jobs.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { startBulkReissue } from "@/server/ssl/lifecycle/start-bulk-reissue";
import { runBulkReissueJob } from "@/server/ssl/lifecycle/run-bulk-reissue-job";
import { getBulkReissueJobOrThrow, listBulkReissueJobs } from "@/server/ssl/views/bulk-reissue-jobs";
import { listCertificates } from "@/server/ssl/views/list-certificates";
import { getCertificateDetail } from "@/server/ssl/views/get-certificate-detail";
import { createRegistrarStaff, createTier } from "../../support/factories";
import { buyCertificate, createSslProduct, heldName, issueNow, sslTenant, caStandInForThisFile } from "./ssl-world";

const stand = caStandInForThisFile(6264, "ssl-bulk-job-ca");

type Tenant = Awaited<ReturnType<typeof sslTenant>>;

/** A certificate bought at the storefront and issued by the engine's first attempt; its subscription id. */
async function certificate(t: Tenant): Promise<string> {
  const name = await heldName(t.reseller.id, t.customer.registrant.id);
  return issueNow(await buyCertificate(t.customer.ctx, t.reseller.id, { names: [name] }));
}

/** A replacement request waiting for DCV on the subscription, as the replacement job leaves one. */
async function openReplacement(subscriptionId: string, createdAt = new Date()) {
  const first = await db.certificateRequest.findFirstOrThrow({ where: { subscriptionId } });
  await db.certificateRequest.create({
    data: {
      subscriptionId,
      resellerId: first.resellerId,
      purpose: "replacement",
      externalId: randomUUID(),
      csrPem: first.csrPem,
      csrInspection: {},
      names: first.names,
      dcvMethod: first.dcvMethod,
      caAdapter: first.caAdapter,
      state: "pending_dcv",
      validityDays: first.validityDays,
      createdAt,
    },
  });
}

let a: Tenant;
let b: Tenant;
beforeEach(async () => {
  await createSslProduct();
  const tier = await createTier("ssl", { "ssl-dv-single": 1_000 });
  a = await sslTenant(tier.id);
  b = await sslTenant(tier.id);
});

describe("a bulk reissue job", () => {
  it("lists every certificate at once, shows results as they settle, and ends with one per certificate", async () => {
    const subs = [await certificate(a), await certificate(a), await certificate(a)];
    await certificate(b);
    // A replacement already waiting on the third: that one cannot be reissued now.
    await openReplacement(subs[2]);

    const { id } = await startBulkReissue(a.owner.ctx, { caAdapter: "ca-standin" });
    const started = (await getBulkReissueJobOrThrow(a.owner.ctx, id)).job;
    expect(started).toMatchObject({ status: "queued", total: 3, done: 0, resellerId: a.reseller.id });
    expect(started.items.map((i) => i.outcome)).toEqual(["pending", "pending", "pending"]);

    // One CA order answers slowly, so the others' results are on the page while it still runs.
    stand.running.faults.set("placeOrder", { mode: "delay", delayMs: 1_500, times: 1 });
    const run = runBulkReissueJob(id);
    const seen: { status: string; done: number }[] = [];
    for (let settled = false; !settled;) {
      const { job } = await getBulkReissueJobOrThrow(a.owner.ctx, id);
      seen.push({ status: job.status, done: job.done });
      settled = job.status === "completed";
      if (!settled) await Promise.race([run, new Promise((r) => setTimeout(r, 50))]);
    }
    await run;
    expect(seen.some((s) => s.status === "running" && s.done > 0 && s.done < 3)).toBe(true);

    const { job, subscriptionOf } = await getBulkReissueJobOrThrow(a.owner.ctx, id);
    expect(job).toMatchObject({ status: "completed", total: 3, done: 3, reissued: 2, failed: 1, waiting: 0 });
    const bySub = new Map(job.items.map((i) => [subscriptionOf.get(i.certificateId), i]));
    for (const sub of subs.slice(0, 2)) {
      const item = bySub.get(sub)!;
      expect(item).toMatchObject({ outcome: "reissued", message: "Reissued." });
      const detail = await getCertificateDetail(a.owner.ctx, sub);
      expect(detail.current?.id).toBe(item.newCertificateId);
    }
    expect(bySub.get(subs[2])).toMatchObject({
      outcome: "failed",
      message: expect.stringMatching(/already under way/),
    });
    // B's certificate was not in A's job, and is untouched.
    expect(await db.issuedCertificate.count({ where: { resellerId: b.reseller.id, status: "issued" } })).toBe(1);
    expect(
      await db.auditEntry.count({ where: { action: "ssl.certificate.bulk_reissue_requested", entityId: id } }),
    ).toBe(1);
  }, 60_000);
});

describe("the registrar's certificates", () => {
  it("an admin reissues across resellers, an auditor reads but cannot start one, a reseller sees only its own", async () => {
    const [subA, subB] = [await certificate(a), await certificate(b)];
    const admin = await createRegistrarStaff("registrar_admin");
    const auditor = await createRegistrarStaff("registrar_auditor");

    // The lists: every reseller's for registrar staff, one reseller's on request, expiring soon, DCV stuck.
    expect((await listCertificates(auditor.ctx, {})).rows.map((r) => r.id).sort()).toEqual([subA, subB].sort());
    expect((await listCertificates(auditor.ctx, { resellerId: b.reseller.id })).rows.map((r) => r.id)).toEqual([subB]);
    await db.issuedCertificate.updateMany({
      where: { subscriptionId: subB },
      data: { notAfter: new Date(Date.now() + 10 * 86_400_000) },
    });
    expect((await listCertificates(auditor.ctx, { attention: "expiring" })).rows.map((r) => r.id)).toEqual([subB]);
    await openReplacement(subA, new Date(Date.now() - 2 * 86_400_000));
    expect((await listCertificates(auditor.ctx, { attention: "dcv_stuck" })).rows.map((r) => r.id)).toEqual([subA]);
    await db.certificateRequest.deleteMany({ where: { subscriptionId: subA, purpose: "replacement" } });
    expect((await getCertificateDetail(auditor.ctx, subB)).subscription.id).toBe(subB);
    await expect(listCertificates(a.owner.ctx, { resellerId: b.reseller.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getCertificateDetail(a.owner.ctx, subB)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(startBulkReissue(auditor.ctx, { caAdapter: "ca-standin" })).rejects.toMatchObject({
      code: "READ_ONLY",
    });
    // A reseller's owner naming another reseller still acts within its own.
    const own = await startBulkReissue(a.owner.ctx, { caAdapter: "ca-standin", resellerId: b.reseller.id });
    expect((await getBulkReissueJobOrThrow(a.owner.ctx, own.id)).job.items.map((i) => i.resellerId)).toEqual([
      a.reseller.id,
    ]);
    await db.certificateBulkJob.delete({ where: { id: own.id } });

    const { id } = await startBulkReissue(admin.ctx, { caAdapter: "ca-standin" });
    await runBulkReissueJob(id);
    const seen = await getBulkReissueJobOrThrow(auditor.ctx, id);
    expect(seen.job).toMatchObject({ resellerId: null, status: "completed", total: 2, reissued: 2 });
    expect([...seen.resellerNames!.keys()].sort()).toEqual([a.reseller.id, b.reseller.id].sort());
    expect((await listBulkReissueJobs(auditor.ctx)).map((j) => j.id)).toEqual([id]);

    // Reseller staff see neither the registrar's run nor each other's jobs.
    await expect(getBulkReissueJobOrThrow(a.owner.ctx, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listBulkReissueJobs(a.owner.ctx)).toEqual([]);
    const ofB = await startBulkReissue(b.owner.ctx, { caAdapter: "ca-standin" });
    await expect(getBulkReissueJobOrThrow(a.owner.ctx, ofB.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getBulkReissueJobOrThrow(a.customer.ctx, ofB.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Audited: the run on the registrar's chain, and each reseller's share on its own chain.
    expect(
      await db.auditEntry.count({ where: { action: "ssl.certificate.bulk_reissue_requested", resellerId: null } }),
    ).toBe(1);
    const shares = await db.auditEntry.findMany({ where: { action: "ssl.certificate.bulk_reissue_started" } });
    expect(shares.map((e) => e.resellerId).sort()).toEqual([a.reseller.id, b.reseller.id].sort());
    expect(shares.every((e) => e.actorId === admin.user.id)).toBe(true);
  }, 60_000);
});
