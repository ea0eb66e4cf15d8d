/**
 * The ACME adapter against a real RFC 8555 CA (Debian's pebble), with DCV records published through
 * pebble-challtestsrv: issue, reissue with a new key (old one revoked as superseded), revoke for key
 * compromise, DCV failure, http-01, and External Account Binding refusals.
 */
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acmeCertificateAuthority,
  type AcmeCertificateAuthority,
} from "@/server/ssl/ca/acme/acme-certificate-authority";
import { newAcmeAccountKeyPem } from "@/server/ssl/ca/acme/account-key";
import { CaError, type CaOrder, type DcvMethod } from "@/server/ssl/ca/port";
import { challtestsrvPublisher } from "@/server/ssl/dns-publish/challtestsrv-publisher";
import type { DnsPublisher } from "@/server/ssl/ca/port";
import { startPebble, type Pebble } from "../../support/pebble";

let pebble: Pebble;
let ca: AcmeCertificateAuthority;
let dns: DnsPublisher;
let rootPem: string;
let work: string;

const openssl = (...args: string[]) => execFileSync("openssl", args, { encoding: "utf8", stdio: "pipe" });

function file(name: string, content: string): string {
  const target = path.join(work, name);
  writeFileSync(target, content);
  return target;
}

/** A key and CSR made by openssl, as a registrant would bring them. */
function makeCsr(names: string[], key: "p256" | "rsa2048"): string {
  const id = randomBytes(4).toString("hex");
  const keyArgs = key === "p256" ? ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"] : ["-newkey", "rsa:2048"];
  const csrPath = path.join(work, `${id}.csr`);
  openssl(
    "req",
    "-new",
    ...keyArgs,
    "-nodes",
    "-keyout",
    path.join(work, `${id}.key`),
    "-out",
    csrPath,
    "-subj",
    `/CN=${names[0]}`,
    "-addext",
    `subjectAltName=${names.map((n) => `DNS:${n}`).join(",")}`,
  );
  return execFileSync("cat", [csrPath], { encoding: "utf8" });
}

const uniqueName = (label: string) => `${label}-${randomBytes(4).toString("hex")}.example.com`;

async function waitFor(caOrderId: string, done: (order: CaOrder) => boolean): Promise<CaOrder> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const order = await ca.getOrder(caOrderId);
    if (done(order) || Date.now() > deadline) return order;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Places an order, publishes every record (DNS through challtestsrv), then confirms, and waits for the certificate. */
async function issue(names: string[], key: "p256" | "rsa2048", dcvMethod: DcvMethod = "dns-txt") {
  const placed = await ca.placeOrder({
    externalId: `test-${randomBytes(6).toString("hex")}`,
    csrPem: makeCsr(names, key),
    names,
    level: "dv",
    dcvMethod,
    validityDays: 200,
  });
  expect(placed.state).toBe("pending_validation");
  for (const challenge of placed.challenges) {
    if (challenge.method === "dns-txt") await dns.setTxt(challenge.dnsRecordName!, challenge.dnsRecordValue!);
    else await addHttp01(challenge.httpPath!, challenge.httpBody!);
  }
  for (const challenge of placed.challenges) await ca.confirmChallenge(placed.caOrderId, challenge.name);
  const order = await waitFor(placed.caOrderId, (o) => o.state === "issued" || o.state === "rejected");
  for (const challenge of placed.challenges)
    if (challenge.dnsRecordName) await dns.clearTxt(challenge.dnsRecordName, challenge.dnsRecordValue!);
  expect(order.rejectionReason).toBeUndefined();
  expect(order.state).toBe("issued");
  return { placed, certificate: order.certificate! };
}

async function addHttp01(httpPath: string, body: string) {
  const token = httpPath.split("/").pop()!;
  const response = await fetch(`${pebble.challtestsrvUrl}/add-http01`, {
    method: "POST",
    body: JSON.stringify({ token, content: body }),
  });
  expect(response.ok).toBe(true);
}

function verifyAgainstPebbleRoot(certificatePem: string, chainPem: string[]): string {
  const leaf = file(`leaf-${randomBytes(4).toString("hex")}.pem`, certificatePem);
  const chain = file(`chain-${randomBytes(4).toString("hex")}.pem`, chainPem.join(""));
  return openssl("verify", "-CAfile", path.join(work, "root.pem"), "-untrusted", chain, leaf).trim();
}

async function revocationStatus(serial: string): Promise<{ Reason?: number; RevokedAt?: string; Status?: string }> {
  const { status, body } = await pebble.management(`/cert-status-by-serial/${serial}`);
  expect(status).toBe(200);
  return JSON.parse(body) as { Reason?: number; RevokedAt?: string; Status?: string };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "acme-pebble-test-"));
  pebble = await startPebble();
  rootPem = (await pebble.management("/roots/0")).body;
  file("root.pem", rootPem);
  ca = acmeCertificateAuthority({
    name: "acme:pebble",
    directoryUrl: pebble.directoryUrl,
    accountKeyPem: await newAcmeAccountKeyPem(),
    externalAccountBinding: pebble.eab,
    tlsCaPem: [pebble.tlsCaPem],
    trustAnchorsPem: [rootPem],
  });
  dns = challtestsrvPublisher(pebble.challtestsrvUrl);
});

afterAll(async () => {
  await pebble?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("ACME adapter against pebble", () => {
  it("issues a certificate through dns-01 that openssl verifies against pebble's root", async () => {
    const name = uniqueName("shop");
    const { placed, certificate } = await issue([name, `www.${name}`], "p256");

    expect(placed.challenges).toHaveLength(2);
    const challenge = placed.challenges.find((c) => c.name === name)!;
    expect(challenge).toMatchObject({ method: "dns-txt", dnsRecordName: `_acme-challenge.${name}` });
    expect(challenge.dnsRecordValue).toMatch(/^[A-Za-z0-9_-]{43}$/); // base64url SHA-256 of the key authorization
    expect(placed.caOrderId).toMatch(new RegExp(`^${pebble.directoryUrl.replace("/dir", "")}/`));

    const intermediate = (await pebble.management("/intermediates/0")).body;
    expect(certificate.chainPem[0].trim()).toBe(intermediate.trim());
    expect(verifyAgainstPebbleRoot(certificate.certificatePem, certificate.chainPem)).toMatch(/: OK$/);
    expect((await ca.trustAnchorsPem()).map((pem) => pem.trim())).toEqual([rootPem.trim()]);

    const leafPath = file("issued.pem", certificate.certificatePem);
    const serial = openssl("x509", "-in", leafPath, "-noout", "-serial").trim().split("=")[1];
    expect(certificate.serialNumber).toBe(serial.toLowerCase().replace(/^0+/, ""));
    const spkiDer = execFileSync("sh", [
      "-c",
      `openssl x509 -in ${leafPath} -noout -pubkey | openssl pkey -pubin -outform DER`,
    ]);
    expect(certificate.spkiSha256).toBe(createHash("sha256").update(spkiDer).digest("hex"));
    const sans = openssl("x509", "-in", leafPath, "-noout", "-ext", "subjectAltName");
    expect(sans).toContain(`DNS:${name}`);
    expect(sans).toContain(`DNS:www.${name}`);
    const lifetimeDays = (certificate.notAfter.getTime() - certificate.notBefore.getTime()) / 86_400_000;
    expect(Math.round(lifetimeDays)).toBe(200);
  });

  it("issues a wildcard with its base name: two TXT values at one DNS name", async () => {
    const name = uniqueName("wild");
    const { placed, certificate } = await issue([name, `*.${name}`], "p256");
    expect(placed.challenges.map((c) => c.dnsRecordName)).toEqual([
      `_acme-challenge.${name}`,
      `_acme-challenge.${name}`,
    ]);
    expect(new Set(placed.challenges.map((c) => c.dnsRecordValue)).size).toBe(2);
    const sans = openssl(
      "x509",
      "-noout",
      "-ext",
      "subjectAltName",
      "-in",
      file("wild.pem", certificate.certificatePem),
    );
    expect(sans).toContain(`DNS:*.${name}`);
  });

  it("reissues with a new key and revokes the old certificate as superseded", async () => {
    const name = uniqueName("reissue");
    const first = await issue([name], "p256");
    const second = await issue([name], "rsa2048");

    expect(second.certificate.spkiSha256).not.toBe(first.certificate.spkiSha256);
    expect(verifyAgainstPebbleRoot(second.certificate.certificatePem, second.certificate.chainPem)).toMatch(/: OK$/);
    await ca.revoke(first.certificate.certificatePem, "superseded");

    const old = await revocationStatus(first.certificate.serialNumber);
    expect(old).toMatchObject({ Status: "Revoked", Reason: 4 });
    expect(old.RevokedAt).toBeTruthy();
    expect(await revocationStatus(second.certificate.serialNumber)).toMatchObject({ Status: "Valid" });
  });

  it("revokes for key compromise, and a second revocation is not an error", async () => {
    const { certificate } = await issue([uniqueName("leak")], "p256");
    await ca.revoke(certificate.certificatePem, "keyCompromise");
    expect(await revocationStatus(certificate.serialNumber)).toMatchObject({ Status: "Revoked", Reason: 1 });
    await expect(ca.revoke(certificate.certificatePem, "keyCompromise")).resolves.toBeUndefined();
  });

  it("issues through http-01 with the file served by challtestsrv", async () => {
    const name = uniqueName("web");
    const { placed, certificate } = await issue([name], "p256", "http-file");
    expect(placed.challenges[0]).toMatchObject({ method: "http-file", name });
    expect(placed.challenges[0].httpPath).toMatch(/^\/\.well-known\/acme-challenge\/[A-Za-z0-9_-]+$/);
    expect(verifyAgainstPebbleRoot(certificate.certificatePem, certificate.chainPem)).toMatch(/: OK$/);
  });

  it("rejects the order when the DNS record was never published", async () => {
    const name = uniqueName("nodns");
    const placed = await ca.placeOrder({
      externalId: `test-${randomBytes(6).toString("hex")}`,
      csrPem: makeCsr([name], "p256"),
      names: [name],
      level: "dv",
      dcvMethod: "dns-txt",
      validityDays: 200,
    });
    await ca.confirmChallenge(placed.caOrderId, name);
    const order = await waitFor(placed.caOrderId, (o) => o.state === "rejected");
    expect(order.state).toBe("rejected");
    expect(order.challenges[0].state).toBe("invalid");
    expect(order.rejectionReason).toBeTruthy();
  });

  it("returns the first order when the same externalId is placed twice", async () => {
    const name = uniqueName("twice");
    const request = {
      externalId: `test-${randomBytes(6).toString("hex")}`,
      csrPem: makeCsr([name], "p256"),
      names: [name],
      level: "dv" as const,
      dcvMethod: "dns-txt" as const,
      validityDays: 200,
    };
    const first = await ca.placeOrder(request);
    const again = await ca.placeOrder(request);
    expect(again.caOrderId).toBe(first.caOrderId);
  });

  it("refuses OV and email DCV, which ACME does not offer", async () => {
    const base = { externalId: "x", csrPem: "", names: ["a.example.com"], validityDays: 200 };
    await expect(ca.placeOrder({ ...base, level: "ov", dcvMethod: "dns-txt" })).rejects.toMatchObject({
      code: "refused",
    });
    await expect(ca.placeOrder({ ...base, level: "dv", dcvMethod: "email" })).rejects.toMatchObject({
      code: "refused",
    });
  });

  it("refuses an account whose EAB HMAC key is wrong", async () => {
    const wrong = acmeCertificateAuthority({
      directoryUrl: pebble.directoryUrl,
      accountKeyPem: await newAcmeAccountKeyPem(),
      externalAccountBinding: { kid: pebble.eab.kid, hmacKey: randomBytes(32).toString("base64url") },
      tlsCaPem: [pebble.tlsCaPem],
    });
    const error = await wrong.ensureAccount().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaError);
    expect(error).toMatchObject({ code: "refused", mayHaveTakenEffect: false });
  });

  it("refuses an account without EAB when the CA requires it", async () => {
    const bare = acmeCertificateAuthority({
      directoryUrl: pebble.directoryUrl,
      accountKeyPem: await newAcmeAccountKeyPem(),
      tlsCaPem: [pebble.tlsCaPem],
    });
    const error = await bare.ensureAccount().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaError);
    expect(error).toMatchObject({ code: "refused" });
    expect((error as CaError).message).toMatch(/externalAccountRequired/);
  });

  it("does not trust the CA's HTTPS endpoint unless told to, and nothing has happened then", async () => {
    const untrusting = acmeCertificateAuthority({
      directoryUrl: pebble.directoryUrl,
      accountKeyPem: await newAcmeAccountKeyPem(),
      externalAccountBinding: pebble.eab,
    });
    await expect(untrusting.ensureAccount()).rejects.toMatchObject({ code: "unavailable", mayHaveTakenEffect: false });
  });
});
