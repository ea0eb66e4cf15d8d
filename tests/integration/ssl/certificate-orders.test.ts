/**
 * Certificates sold and fulfilled by the order engine, against the commercial-CA stand-in running in
 * this process and reading the platform's own DNS port (the local DNS table), as `npm run dev` runs it:
 * a registrant buys a DV certificate for a name they hold on the platform's nameservers, DCV completes
 * through the DNS publisher without their action, and openssl accepts the certificate against the
 * stand-in's chain; a reissue revokes the old one onto the CRL; a bad CSR is refused before payment;
 * a name elsewhere waits for the registrant's record and the poll job finishes it.
 */
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { isAppError } from "@/server/errors";
import { setLocalDnsAnswer } from "@/server/dns/set-local-dns-answer";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { confirmPayment } from "@/server/order-payments/confirm-payment";
import { startOrderCheckout } from "@/server/order-payments/start-order-checkout";
import { readBalance } from "@/server/billing/get-balance";
import { placeSslOrder } from "@/server/ssl/ordering/place-ssl-order";
import { reissueCertificate } from "@/server/ssl/ordering/reissue-certificate";
import { pollCertificateRequests } from "@/server/ssl/lifecycle/poll-requests";
import { revokeCertificate } from "@/server/ssl/lifecycle/revoke-certificate";
import { replaceDueCertificates } from "@/server/ssl/lifecycle/replace-due-certificates";
import { expireCertificates } from "@/server/ssl/lifecycle/expire-certificates";
import { createRegistrant, createReseller, createTier } from "../../support/factories";
import { corruptSignature, makeCsr, openssl, opensslVerify, tempDir } from "./standin-helpers";
import {
  buyCertificate,
  createSslProduct,
  heldName as heldNameAt,
  OURS,
  sslTenant,
  caStandInForThisFile,
} from "./ssl-world";

const stand = caStandInForThisFile(6121, "ssl-orders-ca");

const sslProduct = (code: string, details: { level: string; coverage: string; sanCount: number }) =>
  createSslProduct(code, details, `Certificate ${code}`);

type World = Awaited<ReturnType<typeof world>>;

async function world() {
  await sslProduct("ssl-dv-single", { level: "dv", coverage: "single", sanCount: 1 });
  await sslProduct("ssl-dv-wildcard", { level: "dv", coverage: "wildcard", sanCount: 1 });
  const tier = await createTier("ssl", { "ssl-dv-single": 1_000, "ssl-dv-wildcard": 5_000 });
  const { reseller, customer } = await sslTenant(tier.id);
  return { reseller, registrant: customer.registrant, ctx: customer.ctx };
}

/** A name the registrant holds with us, on the platform's nameservers (DEFAULT_NAMESERVERS) unless told otherwise. */
const heldName = (w: World, nameservers = OURS) => heldNameAt(w.reseller.id, w.registrant.id, nameservers);

/** The registrant orders and pays at the storefront; returns the ssl_issue item's id. */
const buyAndPay = (w: World, names: string[], opts: { years?: number } = {}) =>
  buyCertificate(w.ctx, w.reseller.id, { names, years: opts.years });

async function itemState(id: string) {
  return (await db.orderItem.findUniqueOrThrow({ where: { id } })).state;
}

/** The engine's attempt, then the poll job until the item settles (the stand-in may sign asynchronously). */
async function fulfil(itemId: string) {
  await attemptItem(itemId, "job");
  for (let i = 0; i < 20 && (await itemState(itemId)) === "pending_registry"; i++) {
    await pollCertificateRequests();
    if ((await itemState(itemId)) === "pending_registry") await new Promise((r) => setTimeout(r, 100));
  }
  return itemState(itemId);
}

async function verifiesWithOpenssl(certId: string) {
  const cert = await db.issuedCertificate.findUniqueOrThrow({ where: { id: certId } });
  const [rootPem] = await stand.ca.trustAnchorsPem();
  return opensslVerify(rootPem, cert.chainPem, cert.certificatePem);
}

/** The stand-in's CRL as openssl prints it (the same URL the certificates name as their CRL distribution point). */
async function crlText(): Promise<string> {
  const der = Buffer.from(await (await fetch(stand.ca.crlUrl())).arrayBuffer());
  const file = path.join(tempDir("ssl-orders-crl"), "crl.der");
  writeFileSync(file, der);
  const out = openssl(["crl", "-inform", "DER", "-in", file, "-noout", "-text"]);
  expect(out.ok).toBe(true);
  return out.out;
}

const onCrl = async (serialNumber: string) =>
  (await crlText()).includes(`Serial Number: ${serialNumber.toUpperCase()}`);

let w: World;
beforeEach(async () => {
  w = await world();
});

describe("buying a certificate", () => {
  it("issues a DV certificate for a name on the platform's nameservers without the registrant publishing anything", async () => {
    const name = await heldName(w);
    const itemId = await buyAndPay(w, [name, `www.${name}`], { years: 2 });
    expect(await itemState(itemId)).toBe("paid");

    expect(await fulfil(itemId)).toBe("completed");

    const sub = await db.certificateSubscription.findUniqueOrThrow({
      where: { orderItemId: itemId },
      include: { certificates: true, requests: true },
    });
    expect(sub).toMatchObject({
      state: "active",
      level: "dv",
      coverage: "single",
      termYears: 2,
      names: [name, `www.${name}`],
    });
    expect(sub.requests[0].dcv).toEqual(
      expect.arrayContaining([expect.objectContaining({ name, publishedBy: "platform", state: "valid" })]),
    );
    const [cert] = sub.certificates;
    expect(cert).toMatchObject({ status: "issued", names: [name, `www.${name}`] });
    expect(cert.spkiSha256).toMatch(/^[0-9a-f]{64}$/);
    // A two-year term is delivered as certificates within today's maximum lifetime, the next one due before expiry.
    expect(sub.termEndsAt!.getTime()).toBeGreaterThan(cert.notAfter.getTime());
    expect(sub.nextReplacementAt!.getTime()).toBeLessThan(cert.notAfter.getTime());

    const verify = await verifiesWithOpenssl(cert.id);
    expect(verify.out).toContain("OK");
    expect(verify.ok).toBe(true);

    const mail = await db.outboxMail.findFirstOrThrow({ where: { kind: "ssl.issued", toAddress: w.registrant.email } });
    expect(mail.textBody).toContain(cert.certificatePem.trim());
    const p7 = mail.textBody.slice(mail.textBody.indexOf("-----BEGIN PKCS7-----"));
    const p7File = path.join(tempDir("ssl-orders-p7"), "bundle.p7b");
    writeFileSync(p7File, p7.slice(0, p7.indexOf("-----END PKCS7-----") + 19) + "\n");
    const printed = openssl(["pkcs7", "-in", p7File, "-print_certs", "-noout"]);
    expect(printed.ok).toBe(true);
    expect(printed.out).toMatch(new RegExp(`subject=CN ?= ?${name.replace(/\./g, "\\.")}`));
    // The registrant's money reached the reseller and the wholesale hold was captured.
    expect(await readBalance(db, w.reseller.id)).toMatchObject({ held: 0 });
    // The DCV record the platform published for the CA is gone again.
    expect(await db.localDnsRecord.count({ where: { name: { contains: name } } })).toBe(0);
    // The first test also pays for warming up the queue, the CA's keys and openssl on a busy machine.
  }, 90_000);

  it("refuses a CSR with problems before anything is paid, saying what is wrong", async () => {
    const name = await heldName(w);
    const bad = corruptSignature((await makeCsr([name])).csrPem);
    const attempt = (csrPem: string, productCode = "ssl-dv-single") =>
      placeSslOrder(w.ctx, {
        resellerId: w.reseller.id,
        idempotencyKey: `ssl-${randomUUID()}`,
        productCode,
        years: 1,
        csrPem,
      }).catch((e: unknown) => e);

    const badSignature = await attempt(bad);
    expect(isAppError(badSignature) && badSignature.code).toBe("INVALID_INPUT");
    expect(isAppError(badSignature) && badSignature.fields?.csr).toMatch(/signature/i);

    const internal = await attempt((await makeCsr(["intranet.local"])).csrPem);
    expect(isAppError(internal) && internal.fields?.csr).toMatch(/internal|local/i);

    const twoNames = await attempt((await makeCsr([name, `other-${name}`])).csrPem);
    expect(isAppError(twoNames) && twoNames.fields?.csr).toMatch(/covers one name/);

    const wildcardOnSingle = await attempt((await makeCsr([`*.${name}`])).csrPem);
    expect(isAppError(wildcardOnSingle) && wildcardOnSingle.fields?.csr).toMatch(/wildcard/);

    expect(await db.order.count({ where: { resellerId: w.reseller.id } })).toBe(0);
    expect(await db.payment.count({ where: { resellerId: w.reseller.id } })).toBe(0);
  });

  it("waits for the registrant's DNS record when the name is not on the platform's nameservers, then issues", async () => {
    const name = await heldName(w, ["ns1.elsewhere.example", "ns2.elsewhere.example"]);
    const itemId = await buyAndPay(w, [name]);
    await attemptItem(itemId, "job");
    const item = await db.orderItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item.state).toBe("pending_registry");
    const request = await db.certificateRequest.findUniqueOrThrow({ where: { orderItemId: itemId } });
    expect(request.state).toBe("pending_dcv");
    const [challenge] = request.dcv as { dnsRecordName: string; dnsRecordValue: string; publishedBy: string }[];
    expect(challenge.publishedBy).toBe("registrant");
    // Nothing published for them, and nothing confirmed while the record is missing.
    expect(await db.localDnsRecord.count()).toBe(0);
    await pollCertificateRequests();
    expect(await itemState(itemId)).toBe("pending_registry");

    // The registrant publishes the record at their DNS host (here: the local DNS table).
    await setLocalDnsAnswer(systemContext(), { name: challenge.dnsRecordName, value: challenge.dnsRecordValue });
    for (let i = 0; i < 20 && (await itemState(itemId)) === "pending_registry"; i++) await pollCertificateRequests();
    expect(await itemState(itemId)).toBe("completed");
    const cert = await db.issuedCertificate.findFirstOrThrow({ where: { requestId: request.id } });
    expect((await verifiesWithOpenssl(cert.id)).ok).toBe(true);
  });

  it("does not publish DCV records for a name on our nameservers that another registrant holds", async () => {
    const name = await heldName(w);
    const other = await createRegistrant(w.reseller.id);
    const { csrPem } = await makeCsr([name]);
    const { order } = await placeSslOrder(other.ctx, {
      resellerId: w.reseller.id,
      idempotencyKey: `ssl-${randomUUID()}`,
      productCode: "ssl-dv-single",
      years: 1,
      csrPem,
    });
    const checkout = await startOrderCheckout(other.ctx, { orderId: order.id, storefrontOrigin: "http://shop.test" });
    await db.$transaction((tx) => confirmPayment(tx, checkout.paymentId, `pi_${order.id}`));
    await attemptItem(order.items[0].id, "job");
    expect(await itemState(order.items[0].id)).toBe("pending_registry");
    expect(await db.localDnsRecord.count()).toBe(0);
  });
});

describe("when the CA's answer is lost", () => {
  it("asks again instead of placing a second order after an answer was lost", async () => {
    const name = await heldName(w);
    const itemId = await buyAndPay(w, [name]);
    stand.running.faults.set("placeOrder", { mode: "drop_after_effect", times: 1 });
    const first = await attemptItem(itemId, "job");
    expect(first.kind).toBe("retry");
    const run = await db.fulfilmentRun.findUniqueOrThrow({ where: { itemId } });
    expect(run.uncertain).toBe(true);

    expect(await fulfil(itemId)).toBe("completed");
    const request = await db.certificateRequest.findUniqueOrThrow({ where: { orderItemId: itemId } });
    const placed = Object.values(stand.running.standIn.state.orders).filter((o) => o.externalId === request.externalId);
    expect(placed).toHaveLength(1);
    expect(placed[0].id).toBe(request.caOrderId);
    expect(await db.issuedCertificate.count({ where: { requestId: request.id } })).toBe(1);
  });

  it("parks the item for a person, never refunds it, when the CA's answers keep getting lost", async () => {
    const name = await heldName(w);
    const itemId = await buyAndPay(w, [name]);
    stand.running.faults.set("placeOrder", { mode: "drop_after_effect" });
    for (let i = 0; i < 20 && (await itemState(itemId)) !== "parked"; i++) await attemptItem(itemId, "job");
    expect(await itemState(itemId)).toBe("parked");
    expect(await db.hold.findUniqueOrThrow({ where: { orderItemId: itemId } })).toMatchObject({ status: "held" });
  });

  it("fails and refunds the item when the CA refuses the order", async () => {
    const name = await heldName(w);
    const itemId = await buyAndPay(w, [name]);
    stand.running.faults.set("placeOrder", { mode: "refuse", message: "Our risk team declined this order." });
    await attemptItem(itemId, "job");
    const item = await db.orderItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item.state).toBe("refunded");
    expect(item.failureReason).toContain("risk team");
  });
});

describe("reissue and revocation", () => {
  async function issued() {
    const name = await heldName(w);
    const itemId = await buyAndPay(w, [name]);
    expect(await fulfil(itemId)).toBe("completed");
    const sub = await db.certificateSubscription.findUniqueOrThrow({ where: { orderItemId: itemId } });
    const cert = await db.issuedCertificate.findFirstOrThrow({ where: { subscriptionId: sub.id } });
    return { name, sub, cert };
  }

  it("reissues with a new key and revokes the old certificate once the new one issues", async () => {
    const { name, sub, cert: old } = await issued();
    const { csrPem } = await makeCsr([name]);
    const { order, revokedAtOnce } = await reissueCertificate(w.ctx, {
      subscriptionId: sub.id,
      idempotencyKey: `reissue-${randomUUID()}`,
      csrPem,
    });
    expect(revokedAtOnce).toBe(false);
    expect(order.items[0]).toMatchObject({ kind: "ssl_reissue", retailAmount: 0 });
    // Until the new one issues, the old one stays valid.
    expect((await stand.ca.certificateStatus(old.serialNumber)).status).not.toBe("revoked");

    expect(await fulfil(order.items[0].id)).toBe("completed");
    await pollCertificateRequests();

    const after = await db.issuedCertificate.findUniqueOrThrow({ where: { id: old.id } });
    expect(after).toMatchObject({ status: "revoked", revocationReason: "superseded" });
    const fresh = await db.issuedCertificate.findFirstOrThrow({ where: { subscriptionId: sub.id, status: "issued" } });
    expect(after.replacedById).toBe(fresh.id);
    expect(fresh.spkiSha256).not.toBe(old.spkiSha256);
    expect((await verifiesWithOpenssl(fresh.id)).ok).toBe(true);
    expect(await onCrl(old.serialNumber)).toBe(true);
    expect(await onCrl(fresh.serialNumber)).toBe(false);
  });

  it("after a key compromise revokes the old certificate at once, before the new one exists", async () => {
    const { name, sub, cert: old } = await issued();
    const { csrPem } = await makeCsr([name]);
    const { order, revokedAtOnce } = await reissueCertificate(w.ctx, {
      subscriptionId: sub.id,
      idempotencyKey: `reissue-${randomUUID()}`,
      csrPem,
      keyCompromise: true,
    });
    expect(revokedAtOnce).toBe(true);
    expect(await itemState(order.items[0].id)).toBe("paid");
    expect(await db.issuedCertificate.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: "revoked",
      revocationReason: "keyCompromise",
    });
    expect(await onCrl(old.serialNumber)).toBe(true);
    expect(await fulfil(order.items[0].id)).toBe("completed");
  });

  it("revokes with a reason, and another registrant cannot touch the certificate", async () => {
    const { cert } = await issued();
    const stranger = await createRegistrant(w.reseller.id);
    await expect(revokeCertificate(stranger.ctx, { certificateId: cert.id, reason: "unspecified" })).rejects.toThrow();
    const other = await createReseller();
    await expect(
      revokeCertificate(
        { kind: "user", actorId: randomUUID(), resellerId: other.id, role: "owner" },
        { certificateId: cert.id, reason: "unspecified" },
      ),
    ).rejects.toThrow();

    expect(await revokeCertificate(w.ctx, { certificateId: cert.id, reason: "cessationOfOperation" })).toEqual({
      status: "revoked",
    });
    expect(await onCrl(cert.serialNumber)).toBe(true);
    expect(await db.certificateSubscription.findUniqueOrThrow({ where: { id: cert.subscriptionId } })).toMatchObject({
      state: "revoked",
      nextReplacementAt: null,
    });
  });

  it("replaces a certificate within the paid term when it is due, on the same key, without revoking the old one", async () => {
    const { sub, cert: old } = await issued();
    // Not due yet: nothing happens.
    expect((await replaceDueCertificates()).started).toEqual([]);
    await db.certificateSubscription.update({
      where: { id: sub.id },
      data: { nextReplacementAt: new Date(Date.now() - 1_000) },
    });

    const { started } = await replaceDueCertificates();
    expect(started).toHaveLength(1);
    // A second sweep while the replacement runs starts nothing more.
    expect((await replaceDueCertificates()).started).toEqual([]);
    for (let i = 0; i < 20 && !(await db.issuedCertificate.findFirst({ where: { requestId: started[0] } })); i++)
      await pollCertificateRequests();

    const fresh = await db.issuedCertificate.findFirstOrThrow({ where: { requestId: started[0] } });
    expect(fresh.spkiSha256).toBe(old.spkiSha256);
    expect(fresh.notAfter.getTime()).toBeGreaterThan(old.notAfter.getTime() - 1_000);
    expect(await db.issuedCertificate.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: "replaced",
      replacedById: fresh.id,
      revokeRequestedAt: null,
    });
    expect(await onCrl(old.serialNumber)).toBe(false);
    expect((await verifiesWithOpenssl(fresh.id)).ok).toBe(true);
    const after = await db.certificateSubscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect(after.state).toBe("active");
    expect(after.termEndsAt).toEqual(sub.termEndsAt);
    expect(await db.outboxMail.count({ where: { kind: "ssl.issued", toAddress: w.registrant.email } })).toBe(2);

    // The old one runs out: expired; the subscription, with a current certificate, stays active. A
    // replacement forced due at once is issued in the same second as the old one, so both would share
    // notAfter (X.509 times are whole seconds): the old one's end is moved to before the new one's.
    const oldEnd = new Date(fresh.notAfter.getTime() - 60_000);
    await db.issuedCertificate.update({ where: { id: old.id }, data: { notAfter: oldEnd } });
    expect(await expireCertificates(new Date(oldEnd.getTime() + 1))).toEqual({
      certificates: 1,
      subscriptions: 0,
    });
    expect(await db.issuedCertificate.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: "expired",
    });
    expect((await db.certificateSubscription.findUniqueOrThrow({ where: { id: sub.id } })).state).toBe("active");
  });
});
