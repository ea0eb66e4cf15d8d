// Certificates stay with their reseller and, at the storefront, with the registrant who bought them:
// reissue, revoke, "check now" and download are refused on anyone else's certificate.
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { reissueCertificate } from "@/server/ssl/ordering/reissue-certificate";
import { revokeCertificate } from "@/server/ssl/lifecycle/revoke-certificate";
import { checkCertificateNow } from "@/server/ssl/lifecycle/check-certificate-now";
import { certificatePem } from "@/server/ssl/views/certificate-pem";
import { bulkReissueCertificates } from "@/server/ssl/lifecycle/bulk-reissue";
import { startBulkReissue } from "@/server/ssl/lifecycle/start-bulk-reissue";
import { getBulkReissueJobOrThrow } from "@/server/ssl/views/bulk-reissue-jobs";
import { createRegistrant } from "../../../support/factories";
import { isolationCase, type TwoTenants } from "../harness";

// Rows as the engine leaves them, made directly: no CA is involved. The adapter name is one the
// process does not run, so a revocation is recorded but never sent anywhere.
async function issuedCertificate(resellerId: string, registrantId: string | null) {
  const product = await db.product.upsert({
    where: { code: "ssl-isolation" },
    update: {},
    create: { kind: "ssl", code: "ssl-isolation", name: "Isolation certificate", maxPeriod: 5 },
  });
  const order = await db.order.create({
    data: {
      resellerId,
      registrantId,
      idempotencyKey: randomUUID(),
      currency: "USD",
      retailTotal: 0,
      wholesaleTotal: 0,
    },
  });
  const name = `c-${randomUUID().slice(0, 8)}.com`;
  const item = await db.orderItem.create({
    data: {
      orderId: order.id,
      resellerId,
      kind: "ssl_issue",
      productId: product.id,
      subject: name,
      retailAmount: 0,
      wholesaleAmount: 0,
      registryCost: 0,
      state: "completed",
    },
  });
  const sub = await db.certificateSubscription.create({
    data: {
      resellerId,
      registrantId,
      orderItemId: item.id,
      productCode: product.code,
      level: "dv",
      coverage: "single",
      sanCount: 1,
      termYears: 1,
      names: [name],
      state: "active",
    },
  });
  const request = (purpose: "issue" | "replacement", state: "issued" | "pending_dcv") =>
    db.certificateRequest.create({
      data: {
        subscriptionId: sub.id,
        resellerId,
        orderItemId: purpose === "issue" ? item.id : null,
        purpose,
        externalId: randomUUID(),
        csrPem: "-",
        csrInspection: {},
        names: [name],
        dcvMethod: "dns-txt",
        caAdapter: "isolation-ca",
        state,
        validityDays: 90,
      },
    });
  const issued = await request("issue", "issued");
  const cert = await db.issuedCertificate.create({
    data: {
      subscriptionId: sub.id,
      requestId: issued.id,
      resellerId,
      caAdapter: "isolation-ca",
      serialNumber: randomUUID().replaceAll("-", ""),
      certificatePem: "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----",
      chainPem: "",
      spkiSha256: "0".repeat(64),
      names: [name],
      notBefore: new Date(),
      notAfter: new Date(Date.now() + 90 * 86_400_000),
    },
  });
  // A replacement waiting for DCV, for "check now".
  await request("replacement", "pending_dcv");
  return { sub, cert };
}

const untouched = async (s: { cert: { id: string } }) => {
  const cert = await db.issuedCertificate.findUniqueOrThrow({ where: { id: s.cert.id } });
  if (cert.revokeRequestedAt) throw new Error("B's certificate was marked for revocation");
};

export const cases = [
  isolationCase({
    name: "reseller A's owner cannot revoke reseller B's certificate",
    setup: ({ b }: TwoTenants) => issuedCertificate(b.reseller.id, b.customer.registrant.id),
    attack: ({ a }, s) => revokeCertificate(a.owner.ctx, { certificateId: s.cert.id, reason: "unspecified" }),
    unchanged: (_t, s) => untouched(s),
    control: ({ b }, s) => revokeCertificate(b.owner.ctx, { certificateId: s.cert.id, reason: "unspecified" }),
  }),
  isolationCase({
    name: "registrant X cannot revoke registrant Y's certificate at the same reseller",
    setup: async ({ b }: TwoTenants) => {
      const y = await createRegistrant(b.reseller.id);
      return { ...(await issuedCertificate(b.reseller.id, y.registrant.id)), y };
    },
    attack: ({ b }, s) => revokeCertificate(b.customer.ctx, { certificateId: s.cert.id, reason: "keyCompromise" }),
    unchanged: (_t, s) => untouched(s),
    control: (_t, s) => revokeCertificate(s.y.ctx, { certificateId: s.cert.id, reason: "keyCompromise" }),
  }),
  isolationCase({
    name: "registrant X cannot reissue registrant Y's certificate at the same reseller",
    setup: async ({ b }: TwoTenants) => {
      const y = await createRegistrant(b.reseller.id);
      return { ...(await issuedCertificate(b.reseller.id, y.registrant.id)), y };
    },
    attack: ({ b }, s) =>
      reissueCertificate(b.customer.ctx, {
        subscriptionId: s.sub.id,
        idempotencyKey: randomUUID(),
        csrPem: "-----BEGIN CERTIFICATE REQUEST-----",
        keyCompromise: true,
      }),
    unchanged: async (_t, s) => {
      await untouched(s);
      if ((await db.orderItem.count({ where: { kind: "ssl_reissue" } })) > 0) throw new Error("a reissue was placed");
    },
  }),
  isolationCase({
    name: "reseller A's owner cannot ask the CA about reseller B's certificate request",
    setup: ({ b }: TwoTenants) => issuedCertificate(b.reseller.id, b.customer.registrant.id),
    attack: ({ a }, s) => checkCertificateNow(a.owner.ctx, { subscriptionId: s.sub.id }),
    control: ({ b }, s) => checkCertificateNow(b.customer.ctx, { subscriptionId: s.sub.id }),
  }),
  isolationCase({
    name: "reseller A's owner cannot reissue reseller B's certificates in bulk",
    setup: ({ b }: TwoTenants) => issuedCertificate(b.reseller.id, b.customer.registrant.id),
    attack: ({ a, b }) =>
      bulkReissueCertificates(a.owner.ctx, { resellerId: b.reseller.id, caAdapter: "isolation-ca" }),
    unchanged: async (_t, s) => {
      if ((await db.certificateRequest.count({ where: { subscriptionId: s.sub.id, purpose: "reissue" } })) > 0)
        throw new Error("a reissue of B's certificate was started");
    },
    control: ({ b }) => bulkReissueCertificates(b.owner.ctx, { caAdapter: "isolation-ca" }),
  }),
  isolationCase({
    name: "reseller A's owner cannot start a bulk reissue job on reseller B's certificates",
    setup: ({ b }: TwoTenants) => issuedCertificate(b.reseller.id, b.customer.registrant.id),
    attack: ({ a, b }) => startBulkReissue(a.owner.ctx, { resellerId: b.reseller.id, caAdapter: "isolation-ca" }),
    unchanged: async (_t, s) => {
      if ((await db.certificateBulkJobItem.count({ where: { certificateId: s.cert.id } })) > 0)
        throw new Error("B's certificate was put in a bulk job");
    },
    control: ({ b }) => startBulkReissue(b.owner.ctx, { caAdapter: "isolation-ca" }),
  }),
  isolationCase({
    name: "reseller A's owner cannot read reseller B's bulk reissue job",
    setup: async ({ b }: TwoTenants) => {
      await issuedCertificate(b.reseller.id, b.customer.registrant.id);
      return startBulkReissue(b.owner.ctx, { caAdapter: "isolation-ca" });
    },
    attack: ({ a }, job) => getBulkReissueJobOrThrow(a.owner.ctx, job.id),
    control: ({ b }, job) => getBulkReissueJobOrThrow(b.owner.ctx, job.id),
  }),
  isolationCase({
    name: "A's registrant cannot download B's registrant's certificate",
    setup: ({ b }: TwoTenants) => issuedCertificate(b.reseller.id, b.customer.registrant.id),
    attack: ({ a }, s) => certificatePem(a.customer.ctx, { certificateId: s.cert.id }),
    control: ({ b }, s) => certificatePem(b.customer.ctx, { certificateId: s.cert.id }),
  }),
];
