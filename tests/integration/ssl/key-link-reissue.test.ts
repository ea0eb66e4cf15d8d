/**
 * The new-key link of a bulk reissue (decision 134), against the CA stand-in in this process: each
 * registrant's mail carries a signed link (only in the deliverable copy) that opens the reissue of that
 * one certificate without a sign-in, on its own storefront, once, until it expires; three days on, the
 * registrants who sent no key get one reminder with a fresh link.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startCaStandIn, type RunningCaStandIn } from "@/ca-standin/index";
import { db } from "@/server/db";
import { testRequest } from "@/server/action-client";
import { queue } from "@/server/jobs/boss";
import { localDnsResolver } from "@/server/dns/local-adapter";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { REDACTED_LINK } from "@/server/mail/redact-secrets";
import { confirmPayment } from "@/server/order-payments/confirm-payment";
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";
import { setCertificateAuthorityForTests } from "@/server/ssl/authority/certificate-authority";
import { standInCertificateAuthority } from "@/server/ssl/ca/standin/standin-adapter";
import { placeSslOrder } from "@/server/ssl/ordering/place-ssl-order";
import { INVALID_KEY_LINK, openKeyLinkTarget } from "@/server/ssl/ordering/key-link-reissue";
import { signKeyLink } from "@/server/ssl/lifecycle/key-link-token";
import { newKeyReminderJob, REMINDER_AFTER_MS } from "@/server/ssl/lifecycle/new-key-reminder-job";
import { purgeUsedKeyLinks, purgeUsedKeyLinksJob } from "@/server/ssl/lifecycle/purge-used-key-links";
import { allJobs } from "@/server/all-jobs";
import { startBulkReissue } from "@/server/ssl/lifecycle/start-bulk-reissue";
import { runBulkReissueJob } from "@/server/ssl/lifecycle/run-bulk-reissue-job";
import { getBulkReissueJobOrThrow } from "@/server/ssl/views/bulk-reissue-jobs";
import { storefrontHostOf } from "@/server/tenancy/storefront-host";
import { reissueWithCertificateKeyLink } from "@/app/(storefront)/[host]/certificate-key/actions";
import { createRegistrant, createReseller, createStaff, createTier, fundReseller } from "../../support/factories";
import { makeCsr, removeTempDirs, tempDir } from "./standin-helpers";

const CA_PORT = 6244;
const OURS = ["ns1.dns-hosting.example", "ns2.dns-hosting.example"];
const DAY = 86_400_000;
let running: RunningCaStandIn;

beforeAll(async () => {
  await queue();
  running = await startCaStandIn({
    port: CA_PORT,
    stateDir: tempDir("ssl-key-link-ca"),
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
  return { reseller, customer, owner, host: await storefrontHostOf(reseller.id) };
}

/** A certificate bought at the storefront and issued by the engine's first attempt. */
async function certificate(): Promise<{ sub: string; name: string; certId: string }> {
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
      expiresAt: new Date(Date.now() + 365 * DAY),
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
  const cert = await db.issuedCertificate.findFirstOrThrow({ where: { subscriptionId: sub.id } });
  return { sub: sub.id, name, certId: cert.id };
}

/** The token of the link in the deliverable copy of the newest mail of `kind` naming `name`. */
async function tokenFor(kind: string, name: string): Promise<string> {
  const mail = await db.outboxMail.findFirstOrThrow({
    where: { kind, textBody: { contains: name } },
    orderBy: { createdAt: "desc" },
  });
  const m = /https?:\/\/\S+\/certificate-key\/(\S+)/.exec(mail.secretText ?? "");
  if (!m) throw new Error(`no link in the ${kind} mail for ${name}`);
  return m[1];
}

const reissueVia = (host: string, token: string, csrPem: string) =>
  reissueWithCertificateKeyLink.run(testRequest({ host }), { token, csrPem, idempotencyKey: `key-${randomUUID()}` });

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

describe("the new-key link of a bulk reissue", () => {
  it("opens only its own certificate, once, on its own storefront, and the rest get one reminder", async () => {
    const [a, b] = [await certificate(), await certificate()];
    const { id } = await startBulkReissue(t.owner.ctx, { caAdapter: "ca-standin", newKeys: true });
    await runBulkReissueJob(id);

    // The link is only in the copy that goes to the registrant; the consoles see it redacted.
    const mails = await db.outboxMail.findMany({ where: { kind: "ssl_new_key_requested" } });
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m.textBody).not.toContain("/certificate-key/");
      expect(m.textBody).toContain(REDACTED_LINK);
      expect(m.secretText).toContain(`://${t.host}/certificate-key/`);
      expect(m.secretsUntil!.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
    }
    const tokenA = await tokenFor("ssl_new_key_requested", a.name);
    expect((await openKeyLinkTarget(t.reseller.id, tokenA))?.names).toEqual([a.name]);

    // Rewritten to name the other certificate, the token no longer verifies; another reseller's storefront refuses it.
    const [body, mac] = tokenA.split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...payload, certificateId: b.certId, subscriptionId: b.sub })).toString("base64url")}.${mac}`;
    expect(await openKeyLinkTarget(t.reseller.id, forged)).toBeNull();
    const other = await createReseller();
    expect(await openKeyLinkTarget(other.id, tokenA)).toBeNull();
    const elsewhere = await reissueVia(await storefrontHostOf(other.id), tokenA, (await makeCsr([a.name])).csrPem);
    expect(elsewhere).toMatchObject({ ok: false, code: "NOT_FOUND" });

    // An expired link, even a genuine one, is refused.
    const expired = signKeyLink(
      {
        certificateId: b.certId,
        subscriptionId: b.sub,
        resellerId: t.reseller.id,
        registrantId: t.customer.registrant.id,
      },
      Date.now() - 8 * DAY,
    ).token;
    expect(await openKeyLinkTarget(t.reseller.id, expired)).toBeNull();
    expect(await reissueVia(t.host, expired, (await makeCsr([b.name])).csrPem)).toMatchObject({
      ok: false,
      message: INVALID_KEY_LINK,
    });

    // A request that is not a CSR is refused under its field and does not spend the link.
    const wrong = await reissueVia(
      t.host,
      tokenA,
      "-----BEGIN CERTIFICATE REQUEST-----\nnot one\n-----END CERTIFICATE REQUEST-----",
    );
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.fields?.csrPem).toBeTruthy();
    expect(await openKeyLinkTarget(t.reseller.id, tokenA)).not.toBeNull();

    // The registrant's new key: certificate A is reissued to it and the job's item follows; B is untouched.
    const done = await reissueVia(t.host, tokenA, (await makeCsr([a.name])).csrPem);
    expect(done).toMatchObject({ ok: true });
    const item = await db.orderItem.findFirstOrThrow({ where: { kind: "ssl_reissue", subject: a.name } });
    await attemptItem(item.id, "job");
    const newA = await db.issuedCertificate.findFirstOrThrow({ where: { subscriptionId: a.sub, status: "issued" } });
    expect(newA.id).not.toBe(a.certId);
    expect(await db.issuedCertificate.findUniqueOrThrow({ where: { id: a.certId } })).toMatchObject({
      status: "replaced",
      replacedById: newA.id,
    });
    expect((await getBulkReissueJobOrThrow(t.owner.ctx, id)).job).toMatchObject({ reissued: 1, waiting: 1 });
    expect(await db.issuedCertificate.findUniqueOrThrow({ where: { id: b.certId } })).toMatchObject({
      status: "issued",
      replacedById: null,
    });
    expect(await db.certificateRequest.count({ where: { subscriptionId: b.sub, purpose: "reissue" } })).toBe(0);

    // Used: the same link opens nothing, now or after the reissue.
    expect(await openKeyLinkTarget(t.reseller.id, tokenA)).toBeNull();
    expect(await reissueVia(t.host, tokenA, (await makeCsr([a.name])).csrPem)).toMatchObject({
      ok: false,
      message: INVALID_KEY_LINK,
    });

    // The mark that spent the link is kept while any link carrying its nonce could still verify, then purged.
    const daysOn = (days: number) => new Date(Date.now() + days * DAY);
    expect(allJobs).toContain(purgeUsedKeyLinksJob);
    expect(await purgeUsedKeyLinks(daysOn(7))).toBe(0);
    expect(await db.certificateKeyLinkUse.count()).toBe(1);
    expect(await purgeUsedKeyLinks(daysOn(9))).toBe(1);
    expect(await db.certificateKeyLinkUse.count()).toBe(0);

    // One reminder job for the asking chunk, three days on; run then, it mails only B's registrant.
    const jobs = await db.$queryRawUnsafe<{ data: { certificateIds: string[] }; start_after: Date }[]>(
      `select data, start_after from pgboss.job where name = '${newKeyReminderJob.name}'`,
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0].data.certificateIds.sort()).toEqual([a.certId, b.certId].sort());
    expect(Math.abs(jobs[0].start_after.getTime() - (Date.now() + REMINDER_AFTER_MS))).toBeLessThan(60_000);
    await newKeyReminderJob.handler(newKeyReminderJob.payload.parse(jobs[0].data));
    const reminders = await db.outboxMail.findMany({ where: { kind: "ssl_new_key_reminder" } });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ toAddress: t.customer.registrant.email });
    expect(reminders[0].subject).toContain(b.name);
    expect(reminders[0].textBody).not.toContain("/certificate-key/");
    // The reminder's fresh link opens B.
    expect((await openKeyLinkTarget(t.reseller.id, await tokenFor("ssl_new_key_reminder", b.name)))?.names).toEqual([
      b.name,
    ]);
  }, 180_000);
});
