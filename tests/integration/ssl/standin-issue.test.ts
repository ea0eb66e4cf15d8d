/**
 * The commercial-CA stand-in through the platform's adapter over HTTP: DCV, issuance that openssl
 * accepts, reissue and revocation onto the CRL, OV organisation checks, wildcard and multi-name
 * orders, email and HTTP-file DCV, and the lifetime cap.
 */
import { createServer, type Server } from "node:http";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCaStandIn, type RunningCaStandIn } from "@/ca-standin/index";
import { CaError } from "@/server/ssl/ca/port";
import { standInCertificateAuthority, type StandInCertificateAuthority } from "@/server/ssl/ca/standin/standin-adapter";
import {
  corruptSignature,
  makeCsr,
  openssl,
  opensslVerify,
  removeTempDirs,
  tableDns,
  tempDir,
} from "./standin-helpers";

const CA_PORT = 5741;
const WEB_PORT = 5745;

let running: RunningCaStandIn;
let ca: StandInCertificateAuthority;
let web: Server;
const dns = tableDns();
const webFiles = new Map<string, string>();
let rootPem: string;
let intermediatePem: string;

async function admin(pathname: string, body: unknown): Promise<void> {
  const res = await fetch(`${running.url}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

let seq = 0;
async function dvOrder(names: string[], extra: Record<string, unknown> = {}) {
  const { csrPem } = await makeCsr(names);
  return ca.placeOrder({
    externalId: `test-${++seq}`,
    csrPem,
    names,
    level: "dv",
    dcvMethod: "dns-txt",
    validityDays: 365,
    ...extra,
  });
}

/** Publishes every pending DNS challenge, as the platform's DNS publisher will, and confirms it. */
async function passDnsDcv(caOrderId: string) {
  let order = await ca.getOrder(caOrderId);
  for (const c of order.challenges.filter((ch) => ch.state !== "valid")) {
    dns.set(c.dnsRecordName!, c.dnsRecordValue!);
    order = await ca.confirmChallenge(caOrderId, c.name);
  }
  return order;
}

beforeAll(async () => {
  web = createServer((req, res) => {
    const body = webFiles.get((req.url ?? "").slice(1));
    if (body === undefined) res.writeHead(404).end("not here");
    else res.writeHead(200, { "content-type": "text/plain" }).end(body);
  });
  await new Promise<void>((resolve) => web.listen(WEB_PORT, "127.0.0.1", resolve));
  running = await startCaStandIn({
    port: CA_PORT,
    resolver: dns,
    // Names in tests do not resolve: send the CA's HTTP-file fetch to the local web server, host in the path.
    fetchHttp: async (url) => {
      const u = new URL(url);
      const res = await fetch(`http://127.0.0.1:${WEB_PORT}/${u.hostname}${u.pathname}`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.text();
    },
  });
  ca = standInCertificateAuthority({ baseUrl: running.url, timeoutMs: 5_000 });
  const chain = (await (await fetch(`${running.url}/v1/ca/chain`)).json()) as {
    rootPem: string;
    intermediatePem: string;
  };
  rootPem = chain.rootPem;
  intermediatePem = chain.intermediatePem;
});

afterAll(async () => {
  removeTempDirs();
  await running?.close();
  await new Promise<void>((resolve) => web.close(() => resolve()));
});

describe("commercial-CA stand-in over HTTP", () => {
  it("issues a DV certificate once the DNS TXT record is there, and openssl verifies it against the chain", async () => {
    const placed = await dvOrder(["shop.example.com"]);
    expect(placed.state).toBe("pending_validation");
    const [challenge] = placed.challenges;
    expect(challenge).toMatchObject({ name: "shop.example.com", method: "dns-txt", state: "pending" });
    expect(challenge.dnsRecordName).toBe("_dnsauth.shop.example.com");
    expect(challenge.dnsRecordValue!.length).toBeGreaterThanOrEqual(27); // 160 random bits

    const early = await ca.confirmChallenge(placed.caOrderId, "shop.example.com");
    expect(early.state).toBe("pending_validation");
    expect(early.challenges[0].error).toMatch(/No TXT record/);

    const issued = await passDnsDcv(placed.caOrderId);
    expect(issued.state).toBe("issued");
    const cert = issued.certificate!;
    expect(cert.chainPem).toEqual([intermediatePem]);
    expect(await ca.trustAnchorsPem()).toEqual([rootPem]);

    const verdict = opensslVerify(rootPem, intermediatePem, cert.certificatePem);
    expect(verdict.out).toContain("leaf.pem: OK");
    expect(verdict.ok).toBe(true);

    const dir = tempDir("standin-leaf");
    writeFileSync(path.join(dir, "leaf.pem"), cert.certificatePem);
    const text = openssl(["x509", "-in", path.join(dir, "leaf.pem"), "-noout", "-text"]).out;
    expect(text).toContain("DNS:shop.example.com");
    expect(text).toContain("TLS Web Server Authentication");
    expect(text).toContain("X509v3 Authority Key Identifier");
    expect(text).toContain("X509v3 Subject Key Identifier");
    expect(text).toContain(`URI:${running.url}/crl/intermediate.crl`);
    expect(text).toContain("CA:FALSE");
    expect(text).toContain("2.23.140.1.2.1");
    // Asked for 365 days on a date after 2026-03-15: capped at 200.
    const days = (cert.notAfter.getTime() - cert.notBefore.getTime() + 1000) / 86_400_000;
    expect(days).toBe(200);
  });

  it("reissues with a new key, then revoking the old certificate puts its serial on the signed CRL", async () => {
    const placed = await dvOrder(["www.example.com", "example.com"]);
    const first = await passDnsDcv(placed.caOrderId);
    const oldSerial = first.certificate!.serialNumber;

    const { csrPem } = await makeCsr(["www.example.com", "example.com"]);
    const reissued = await ca.reissue(placed.caOrderId, csrPem);
    // The names were validated moments ago: reuse, no new DCV.
    expect(reissued.state).toBe("issued");
    const newCert = reissued.certificate!;
    expect(newCert.serialNumber).not.toBe(oldSerial);
    expect(newCert.spkiSha256).not.toBe(first.certificate!.spkiSha256);
    expect(opensslVerify(rootPem, intermediatePem, newCert.certificatePem).ok).toBe(true);

    await ca.revoke(first.certificate!.certificatePem, "superseded");
    expect(await ca.certificateStatus(oldSerial)).toMatchObject({ status: "revoked", reason: "superseded" });
    expect(await ca.certificateStatus(newCert.serialNumber)).toMatchObject({ status: "valid" });

    const der = Buffer.from(await (await fetch(ca.crlUrl())).arrayBuffer());
    const dir = tempDir("standin-crl");
    writeFileSync(path.join(dir, "crl.der"), der);
    writeFileSync(path.join(dir, "intermediate.pem"), intermediatePem);
    const crl = openssl([
      "crl",
      "-inform",
      "DER",
      "-in",
      path.join(dir, "crl.der"),
      "-noout",
      "-text",
      "-CAfile",
      path.join(dir, "intermediate.pem"),
    ]);
    expect(crl.out).toContain("verify OK");
    expect(crl.out).toContain(`Serial Number: ${oldSerial.toUpperCase()}`);
    expect(crl.out).not.toContain(newCert.serialNumber.toUpperCase());
    expect(crl.out).toContain("Superseded");

    await expect(ca.revoke(first.certificate!.certificatePem, "superseded")).rejects.toMatchObject({ code: "refused" });
  });

  it("holds an OV order until the organisation is verified, then names it in the certificate", async () => {
    const { csrPem } = await makeCsr(["secure.example.org"]);
    const placed = await ca.placeOrder({
      externalId: "ov-1",
      csrPem,
      names: ["secure.example.org"],
      level: "ov",
      dcvMethod: "dns-txt",
      organisation: { name: "Example Widgets Ltd", country: "GB", locality: "London" },
      validityDays: 90,
    });
    expect(placed.organisationState).toBe("pending");
    const validated = await passDnsDcv(placed.caOrderId);
    expect(validated.state).toBe("pending_validation");
    expect(validated.challenges.every((c) => c.state === "valid")).toBe(true);
    expect(validated.certificate).toBeUndefined();

    await admin(`/admin/orders/${placed.caOrderId}/organisation`, { state: "verified" });
    const issued = await ca.getOrder(placed.caOrderId);
    expect(issued.state).toBe("issued");
    const dir = tempDir("standin-ov");
    writeFileSync(path.join(dir, "leaf.pem"), issued.certificate!.certificatePem);
    const subject = openssl(["x509", "-in", path.join(dir, "leaf.pem"), "-noout", "-subject"]).out;
    expect(subject).toMatch(/O ?= ?Example Widgets Ltd/);
    const days = (issued.certificate!.notAfter.getTime() - issued.certificate!.notBefore.getTime() + 1000) / 86_400_000;
    expect(days).toBe(90);
  });

  it("rejects an OV order whose organisation fails, and refuses OV without one", async () => {
    const { csrPem } = await makeCsr(["corp.example.net"]);
    const placed = await ca.placeOrder({
      externalId: "ov-2",
      csrPem,
      names: ["corp.example.net"],
      level: "ov",
      dcvMethod: "dns-txt",
      organisation: { name: "Nobody Ltd", country: "GB" },
      validityDays: 90,
    });
    await admin(`/admin/orders/${placed.caOrderId}/organisation`, { state: "rejected", reason: "Not in the register" });
    expect(await ca.getOrder(placed.caOrderId)).toMatchObject({
      state: "rejected",
      rejectionReason: "Not in the register",
    });
    await expect(
      ca.placeOrder({
        externalId: "ov-3",
        csrPem,
        names: ["corp.example.net"],
        level: "ov",
        dcvMethod: "dns-txt",
        validityDays: 90,
      }),
    ).rejects.toMatchObject({ code: "refused" });
  });

  it("issues a wildcard with its base name on one challenge, and a multi-domain order with one per name", async () => {
    const wildcard = await dvOrder(["*.example.io", "example.io"]);
    expect(wildcard.challenges.map((c) => c.name)).toEqual(["example.io"]);
    const w = await passDnsDcv(wildcard.caOrderId);
    expect(w.state).toBe("issued");
    expect(opensslVerify(rootPem, intermediatePem, w.certificate!.certificatePem).ok).toBe(true);

    const names = ["example.co", "www.example.co", "blog.example.app", "example.shop"];
    const multi = await dvOrder(names);
    expect(multi.challenges.map((c) => c.name).sort()).toEqual([...names].sort());
    const m = await passDnsDcv(multi.caOrderId);
    expect(m.state).toBe("issued");
    const dir = tempDir("standin-multi");
    writeFileSync(path.join(dir, "leaf.pem"), m.certificate!.certificatePem);
    const text = openssl(["x509", "-in", path.join(dir, "leaf.pem"), "-noout", "-ext", "subjectAltName"]).out;
    for (const n of names) expect(text).toContain(`DNS:${n}`);

    await expect(dvOrder(["*.example.dev"], { dcvMethod: "http-file" })).rejects.toSatisfy(
      (e) => e instanceof CaError && e.code === "refused" && /Wildcard/.test(e.message),
    );
    await expect(
      dvOrder(["*.example.me", "example.me"], { level: "ev", organisation: { name: "X", country: "GB" } }),
    ).rejects.toMatchObject({
      code: "refused",
    });
  });

  it("validates by constructed email through the mailed link, and refuses other addresses", async () => {
    const placed = await dvOrder(["mail.example.net"], {
      dcvMethod: "email",
      dcvEmail: { "mail.example.net": "hostmaster@example.net" },
    });
    expect(placed.challenges[0].emailAddress).toBe("hostmaster@example.net");
    const outbox = (await (await fetch(`${running.url}/admin/outbox`)).json()) as { to: string; body: string }[];
    const mail = outbox.find((m) => m.to === "hostmaster@example.net")!;
    const link = /(http\S+\/dcv\/email\/\S+)/.exec(mail.body)![1];
    expect((await fetch(link, { method: "POST" })).status).toBe(200);
    expect((await ca.getOrder(placed.caOrderId)).state).toBe("issued");

    await expect(
      dvOrder(["mail.example.net"], { dcvMethod: "email", dcvEmail: { "mail.example.net": "ceo@example.net" } }),
    ).rejects.toMatchObject({ code: "refused" });
  });

  it("validates by HTTP file at the well-known path", async () => {
    const placed = await dvOrder(["web.example.com"], { dcvMethod: "http-file" });
    const c = placed.challenges[0];
    expect(c.httpPath).toMatch(/^\/\.well-known\/pki-validation\/[0-9a-f]+\.txt$/);
    expect((await ca.confirmChallenge(placed.caOrderId, "web.example.com")).state).toBe("pending_validation");
    webFiles.set(`web.example.com${c.httpPath}`, `${c.httpBody}\n`);
    expect((await ca.confirmChallenge(placed.caOrderId, "web.example.com")).state).toBe("issued");
  });

  it("refuses a CSR whose signature does not verify", async () => {
    const { csrPem } = await makeCsr(["ok.example.com"]);
    const broken = corruptSignature(csrPem);
    await expect(
      ca.placeOrder({
        externalId: "bad-sig",
        csrPem: broken,
        names: ["ok.example.com"],
        level: "dv",
        dcvMethod: "dns-txt",
        validityDays: 90,
      }),
    ).rejects.toMatchObject({ code: "refused" });
  });

  it("returns the first order when the same externalId is placed again", async () => {
    const a = await dvOrder(["again.example.com"], { externalId: "same-id" });
    const b = await dvOrder(["again.example.com"], { externalId: "same-id" });
    expect(b.caOrderId).toBe(a.caOrderId);
  });
});
