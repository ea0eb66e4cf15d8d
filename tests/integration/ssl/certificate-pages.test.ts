/**
 * What the certificate pages stand on (decision 106), against the CA stand-in in this process and the
 * platform's local DNS table: the lists a registrant and their reseller see (keyset pages, the state
 * filter, nobody else's rows), the status detail with its DCV challenges, the PEM downloads openssl
 * accepts, "check now" after the registrant publishes their record, and bulk reissue by key
 * fingerprint, to new keys, with the old certificates revoked at the CA.
 */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { setLocalDnsAnswer } from "@/server/dns/set-local-dns-answer";
import { attemptItem } from "@/server/fulfilment/attempt-item";
import { checkCertificateNow } from "@/server/ssl/lifecycle/check-certificate-now";
import { bulkReissueCertificates } from "@/server/ssl/lifecycle/bulk-reissue";
import { expireUnvalidatedRequests } from "@/server/ssl/lifecycle/poll-requests";
import { listCertificates } from "@/server/ssl/views/list-certificates";
import { listCertificatesBeingSetUp } from "@/server/ssl/views/list-certificates-being-set-up";
import { getCertificateDetail } from "@/server/ssl/views/get-certificate-detail";
import { certificatePem } from "@/server/ssl/views/certificate-pem";
import { namesValidatedHere } from "@/server/ssl/views/names-validated-here";
import { createRegistrant, createReseller, createStaff, createTier } from "../../support/factories";
import { makeCsr, opensslVerify } from "./standin-helpers";
import {
  buyCertificate,
  createSslProduct,
  heldName as heldNameAt,
  issueNow,
  OURS,
  sslTenant,
  caStandInForThisFile,
} from "./ssl-world";

const stand = caStandInForThisFile(6234, "ssl-pages-ca");

async function world() {
  await createSslProduct();
  const tier = await createTier("ssl", { "ssl-dv-single": 1_000 });
  const { reseller, customer, owner } = await sslTenant(tier.id);
  return { reseller, registrant: customer.registrant, ctx: customer.ctx, owner };
}

/** A CSR on a key the test already has (the helper makes a new key each time). */
async function csrOnKey(names: string[], keys: CryptoKeyPair): Promise<string> {
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: `CN=${names[0]}`,
    keys,
    signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
    extensions: [new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: "dns" as const, value })))],
  });
  return csr.toString("pem");
}

type World = Awaited<ReturnType<typeof world>>;
let w: World;
beforeEach(async () => {
  w = await world();
});

function heldName(nameservers = OURS, registrantId = w.registrant.id) {
  return heldNameAt(w.reseller.id, registrantId, nameservers);
}

/** Bought and paid at the storefront, then the engine's first attempt; returns the subscription id. */
async function buy(names: string[], opts: { csrPem?: string; ctx?: World["ctx"]; attempt?: boolean } = {}) {
  const itemId = await buyCertificate(opts.ctx ?? w.ctx, w.reseller.id, { names, csrPem: opts.csrPem });
  return opts.attempt === false ? itemId : issueNow(itemId);
}

describe("lists and the status page", () => {
  it("shows a registrant only their certificates, a page at a time, and the reseller all of them", async () => {
    const other = await createRegistrant(w.reseller.id);
    const mine = [await buy([await heldName()]), await buy([await heldName()]), await buy([await heldName()])];
    const theirs = await buy([await heldName(OURS, other.registrant.id)], { ctx: other.ctx });

    const first = await listCertificates(w.ctx, { limit: 2 });
    expect(first.rows.map((r) => r.id)).toEqual([mine[2], mine[1]]);
    expect(first.next).not.toBeNull();
    const second = await listCertificates(w.ctx, { limit: 2, cursor: first.next! });
    expect(second.rows.map((r) => r.id)).toEqual([mine[0]]);
    expect(second.next).toBeNull();
    expect(first.rows[0]).toMatchObject({ state: "active", current: { status: "issued" } });

    expect((await listCertificates(other.ctx, {})).rows.map((r) => r.id)).toEqual([theirs]);

    // The reseller's staff see every customer's certificates; another reseller's staff see none.
    expect((await listCertificates(w.owner.ctx, {})).rows).toHaveLength(4);
    expect((await listCertificates(w.owner.ctx, { state: "active" })).rows).toHaveLength(4);
    expect((await listCertificates(w.owner.ctx, { state: "revoked" })).rows).toEqual([]);
    const stranger = await createReseller();
    const theirOwner = await createStaff(stranger.id, "owner");
    expect((await listCertificates(theirOwner.ctx, {})).rows).toEqual([]);
    await expect(listCertificates(theirOwner.ctx, { resellerId: w.reseller.id })).rejects.toThrow();
  }, 60_000);

  it("lists a certificate just paid for as being set up until the engine makes it, to its buyer only", async () => {
    const name = await heldName();
    const itemId = await buy([name, `www.${name}`], { attempt: false });
    const other = await createRegistrant(w.reseller.id);
    expect(await listCertificatesBeingSetUp(w.ctx)).toEqual([
      { itemId, orderId: expect.any(String), names: [name, `www.${name}`] },
    ]);
    expect(await listCertificatesBeingSetUp(other.ctx)).toEqual([]);
    expect(await listCertificatesBeingSetUp(w.owner.ctx)).toEqual([]);

    await attemptItem(itemId, "job");
    expect(await listCertificatesBeingSetUp(w.ctx)).toEqual([]);
    expect((await listCertificates(w.ctx, {})).rows.map((r) => r.names)).toEqual([[name, `www.${name}`]]);
  });

  it("names which held names the platform validates, and shows the DCV record a registrant must publish", async () => {
    const served = await heldName();
    const elsewhere = await heldName(["ns1.elsewhere.example", "ns2.elsewhere.example"]);
    expect(await namesValidatedHere(w.ctx)).toEqual([served]);

    const subscriptionId = await buy([elsewhere]);
    const detail = await getCertificateDetail(w.ctx, subscriptionId);
    expect(detail.moving).toBe(true);
    const open = detail.requests.find((r) => r.open)!;
    expect(open.dcv).toEqual([
      expect.objectContaining({ name: elsewhere, publishedBy: "registrant", state: "pending" }),
    ]);
    expect(open.dcv[0].dnsRecordName).toContain(elsewhere);
    await expect(getCertificateDetail((await createRegistrant(w.reseller.id)).ctx, subscriptionId)).rejects.toThrow(
      /not found/i,
    );
  });
});

describe("check now and downloads", () => {
  it("issues at once when the registrant has published their record, and the PEM files verify with openssl", async () => {
    const name = await heldName(["ns1.elsewhere.example"]);
    const subscriptionId = await buy([name]);
    const aged = () => db.certificateRequest.updateMany({ where: { subscriptionId }, data: { lastPolledAt: null } });
    await aged();
    expect((await checkCertificateNow(w.ctx, { subscriptionId })).message).toMatch(/waiting for domain control/i);

    const [challenge] = (await getCertificateDetail(w.ctx, subscriptionId)).requests[0].dcv;
    await setLocalDnsAnswer(systemContext(), { name: challenge.dnsRecordName!, value: challenge.dnsRecordValue! });
    // Asked a moment ago: not asked again yet.
    expect((await checkCertificateNow(w.ctx, { subscriptionId })).message).toMatch(/moment ago/);
    await aged();
    expect((await checkCertificateNow(w.ctx, { subscriptionId })).message).toMatch(/issued/);

    const detail = await getCertificateDetail(w.ctx, subscriptionId);
    expect(detail.subscription.state).toBe("active");
    expect(detail.moving).toBe(false);
    const item = await db.orderItem.findFirstOrThrow({ where: { subject: name } });
    expect(item.state).toBe("completed");
    await expect(checkCertificateNow(w.ctx, { subscriptionId })).rejects.toThrow(/Nothing is waiting/);

    const certificateId = detail.current!.id;
    const leaf = await certificatePem(w.ctx, { certificateId, part: "certificate" });
    const chain = await certificatePem(w.ctx, { certificateId, part: "chain" });
    const full = await certificatePem(w.ctx, { certificateId });
    expect(full.pem).toBe(leaf.pem + chain.pem);
    expect(leaf.filename).toMatch(new RegExp(`^${name.replace(/\./g, "\\.")}-[0-9a-f]{8}\\.pem$`));
    const [rootPem] = await stand.ca.trustAnchorsPem();
    expect(opensslVerify(rootPem, chain.pem, leaf.pem).ok).toBe(true);
    await expect(certificatePem(w.ctx, { certificateId, part: "key" })).rejects.toThrow();
  });
});

describe("requests never validated", () => {
  it("are given up after 30 days: the order item fails and is refunded, and a fresher request waits on", async () => {
    const stale = await buy([await heldName(["ns1.elsewhere.example"])]);
    const fresh = await buy([await heldName(["ns1.elsewhere.example"])]);
    await db.certificateRequest.updateMany({
      where: { subscriptionId: stale },
      data: { createdAt: new Date(Date.now() - 31 * 86_400_000) },
    });

    const { expired } = await expireUnvalidatedRequests();
    const request = await db.certificateRequest.findFirstOrThrow({ where: { subscriptionId: stale } });
    expect(expired).toEqual([request.id]);
    expect(request).toMatchObject({
      state: "rejected",
      rejectionReason: expect.stringMatching(/not validated within 30 days/),
    });
    expect((await getCertificateDetail(w.ctx, stale)).subscription.state).toBe("failed");
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: request.orderItemId! } })).state).toBe("refunded");
    expect(await db.hold.findUniqueOrThrow({ where: { orderItemId: request.orderItemId! } })).toMatchObject({
      status: "released",
    });
    expect((await getCertificateDetail(w.ctx, fresh)).subscription.state).toBe("pending_dcv");
    expect((await expireUnvalidatedRequests()).expired).toEqual([]);
  });
});

describe("bulk reissue", () => {
  it("reissues every certificate on a compromised key to new keys and revokes the old ones at the CA", async () => {
    const names = [await heldName(), await heldName(), await heldName()];
    // Two certificates on one leaked key (as one server's key serves two sites), one on another.
    const leaked = await makeCsr([names[0]]);
    const subs = [
      await buy([names[0]], { csrPem: leaked.csrPem }),
      await buy([names[1]], { csrPem: await csrOnKey([names[1]], leaked.keys) }),
      await buy([names[2]]),
    ];
    const certs = await db.issuedCertificate.findMany({ where: { subscriptionId: { in: subs } } });
    expect(certs).toHaveLength(3);
    const target = certs.find((c) => c.names[0] === names[0])!.spkiSha256;
    expect(certs.find((c) => c.names[0] === names[1])!.spkiSha256).toBe(target);

    const fresh = new Map<string, string>();
    for (const n of names) fresh.set(n, (await makeCsr([n])).csrPem);
    const progress: number[] = [];
    const { results, counts } = await bulkReissueCertificates(
      w.owner.ctx,
      { spkiSha256: target.replace(/(..)/g, "$1:").slice(0, -1).toUpperCase() },
      { csrFor: (c) => fresh.get(c.names[0]) ?? null, onResult: (_r, done) => progress.push(done) },
    );
    expect(counts).toEqual({ issued: 2, waiting: 0, refused: 0, skipped: 0 });
    expect(progress).toEqual([1, 2]);
    for (const r of results) {
      const old = await db.issuedCertificate.findUniqueOrThrow({ where: { id: r.certificateId } });
      expect(old).toMatchObject({
        status: "revoked",
        revocationReason: "superseded",
        replacedById: r.newCertificateId,
      });
      expect((await stand.ca.certificateStatus(old.serialNumber)).status).toBe("revoked");
      const next = await db.issuedCertificate.findUniqueOrThrow({ where: { id: r.newCertificateId! } });
      expect(next.spkiSha256).not.toBe(target);
      expect(next.status).toBe("issued");
    }
    // The certificate on the other key was left alone.
    const untouched = certs.find((c) => c.names[0] === names[2])!;
    expect(await db.issuedCertificate.findUniqueOrThrow({ where: { id: untouched.id } })).toMatchObject({
      status: "issued",
      revokeRequestedAt: null,
    });
  }, 60_000);

  it("after a key compromise revokes at once and skips certificates it has no new key for", async () => {
    const name = await heldName();
    await buy([name]);
    const cert = await db.issuedCertificate.findFirstOrThrow({ where: { names: { has: name } } });
    const { counts, results } = await bulkReissueCertificates(w.owner.ctx, {
      spkiSha256: cert.spkiSha256,
      keyCompromise: true,
    });
    expect(counts.skipped).toBe(1);
    expect(results[0].message).toMatch(/new CSR/);
    expect(await db.certificateRequest.count({ where: { purpose: "reissue" } })).toBe(0);
  });

  it("stays within the reseller and refuses support staff and registrants", async () => {
    const name = await heldName();
    await buy([name]);
    const cert = await db.issuedCertificate.findFirstOrThrow({ where: { names: { has: name } } });
    const other = await createReseller();
    const theirOwner = await createStaff(other.id, "owner");
    await expect(bulkReissueCertificates(theirOwner.ctx, { spkiSha256: cert.spkiSha256 })).rejects.toThrow(
      /No current certificate/,
    );
    await expect(
      bulkReissueCertificates(theirOwner.ctx, { resellerId: w.reseller.id, spkiSha256: cert.spkiSha256 }),
    ).rejects.toThrow();
    await expect(bulkReissueCertificates(w.ctx, { spkiSha256: cert.spkiSha256 })).rejects.toThrow();
    const support = await createStaff(w.reseller.id, "support");
    await expect(bulkReissueCertificates(support.ctx, { spkiSha256: cert.spkiSha256 })).rejects.toThrow();
    await expect(bulkReissueCertificates(w.owner.ctx, {})).rejects.toMatchObject({
      fields: { spkiSha256: expect.stringMatching(/fingerprint, CA or issue dates/) },
    });
  });
});
