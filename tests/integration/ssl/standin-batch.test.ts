/**
 * The stand-in's batch endpoints through the platform's adapter, as a reseller API's bulk order and
 * bulk revocation: one answer per item, a bad item among good ones failing alone, a replayed batch
 * finding the orders it made, and a fault on the whole call making nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startCaStandIn, type RunningCaStandIn } from "@/ca-standin/index";
import { placeOrders, revokeAll } from "@/server/ssl/ca/batch";
import type { CertificateOrderRequest } from "@/server/ssl/ca/port";
import { standInCertificateAuthority, type StandInCertificateAuthority } from "@/server/ssl/ca/standin/standin-adapter";
import { corruptSignature, makeCsr, tableDns } from "./standin-helpers";

let running: RunningCaStandIn;
let ca: StandInCertificateAuthority;

let seq = 0;
/** An order for a name the CA validated lately, so it is signed at once (DCV reused), as a bulk reissue's are. */
async function validatedRequest(): Promise<CertificateOrderRequest> {
  const name = `batch-${++seq}.example.com`;
  running.standIn.state.validations[name] = new Date().toISOString();
  const { csrPem } = await makeCsr([name]);
  return { externalId: `batch-${seq}`, csrPem, names: [name], level: "dv", dcvMethod: "dns-txt", validityDays: 90 };
}

const orderCount = () => Object.keys(running.standIn.state.orders).length;

beforeAll(async () => {
  // Any free port: nothing else needs to know it.
  running = await startCaStandIn({ port: 0, resolver: tableDns() });
  ca = standInCertificateAuthority({ baseUrl: running.url, timeoutMs: 10_000 });
});
afterEach(() => running.faults.clear());
afterAll(() => running?.close());

describe("the stand-in's batch orders", () => {
  it("signs the good orders of a batch and refuses only the one whose CSR does not verify", async () => {
    const good = [await validatedRequest(), await validatedRequest()];
    const bad = await validatedRequest();
    bad.csrPem = corruptSignature(bad.csrPem);
    const before = orderCount();

    const results = await placeOrders(ca, [good[0], bad, good[1]]);

    expect(results[1]).toMatchObject({
      ok: false,
      error: { code: "refused", message: "The CSR's signature does not verify." },
    });
    for (const i of [0, 2]) {
      const r = results[i];
      expect(r.ok && r.value.state).toBe("issued");
      expect(r.ok && r.value.certificate?.certificatePem).toMatch(/BEGIN CERTIFICATE/);
    }
    expect(orderCount()).toBe(before + 2);
  });

  it("answers a replayed batch with the orders it made the first time, and makes none", async () => {
    const batch = [await validatedRequest(), await validatedRequest()];
    const first = await placeOrders(ca, batch);
    const count = orderCount();

    const again = await placeOrders(ca, batch);

    expect(orderCount()).toBe(count);
    expect(again.map((r) => r.ok && r.value.caOrderId)).toEqual(first.map((r) => r.ok && r.value.caOrderId));
    expect(again.map((r) => r.ok && r.value.certificate?.serialNumber)).toEqual(
      first.map((r) => r.ok && r.value.certificate?.serialNumber),
    );
  });

  it("makes one order for an externalId given twice in one batch", async () => {
    const one = await validatedRequest();
    const count = orderCount();
    const results = await placeOrders(ca, [one, one]);
    expect(orderCount()).toBe(count + 1);
    expect(results[0].ok && results[1].ok && results[0].value.caOrderId === results[1].value.caOrderId).toBe(true);
  });

  it("gives an item that is not a valid order its own error, and places the rest", async () => {
    const good = await validatedRequest();
    const results = await placeOrders(ca, [{ ...(await validatedRequest()), names: [] }, good]);
    expect(results[0]).toMatchObject({ ok: false, error: { code: "refused" } });
    expect(results[1].ok && results[1].value.state).toBe("issued");
  });

  it("a refusal of the whole call makes nothing and is not taken as each order's refusal", async () => {
    running.faults.set("placeOrder", { mode: "refuse", times: 1 });
    const count = orderCount();
    const results = await placeOrders(ca, [await validatedRequest(), await validatedRequest()]);
    expect(orderCount()).toBe(count);
    for (const r of results) expect(r).toMatchObject({ ok: false, error: { code: "unavailable" } });
  });

  it("a batch whose answer was lost may have taken effect; placing it again finds its orders", async () => {
    const batch = [await validatedRequest(), await validatedRequest()];
    running.faults.set("placeOrder", { mode: "drop_after_effect", times: 1 });
    const lost = await placeOrders(ca, batch);
    for (const r of lost) expect(r).toMatchObject({ ok: false, error: { mayHaveTakenEffect: true } });
    const count = orderCount();

    const again = await placeOrders(ca, batch);
    expect(orderCount()).toBe(count);
    for (const r of again) expect(r.ok && r.value.state).toBe("issued");
  });
});

describe("the stand-in's batch revocations", () => {
  it("revokes each certificate named, one new CRL for the batch, and fails only the one it did not issue", async () => {
    const placed = await placeOrders(ca, [await validatedRequest(), await validatedRequest()]);
    const certs = placed.map((r) => (r.ok ? r.value.certificate : undefined));
    const crlNumber = running.standIn.state.crlNumber;

    const results = await revokeAll(ca, [
      { certificatePem: certs[0]!.certificatePem, reason: "superseded", serialNumber: certs[0]!.serialNumber },
      { certificatePem: "-", reason: "superseded", serialNumber: "7f00000000000000000000000000dead" },
      { certificatePem: certs[1]!.certificatePem, reason: "keyCompromise" },
    ]);

    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ error: { code: "not_found" } });
    expect(await ca.certificateStatus(certs[0]!.serialNumber)).toMatchObject({
      status: "revoked",
      reason: "superseded",
    });
    expect(await ca.certificateStatus(certs[1]!.serialNumber)).toMatchObject({
      status: "revoked",
      reason: "keyCompromise",
    });
    expect(running.standIn.state.crlNumber).toBe(crlNumber + 1);
    const crl = await running.standIn.crl();
    for (const c of certs) expect(crl.findRevoked(c!.serialNumber)).not.toBeNull();
  });

  it("refuses a second revocation of the same certificate as a single call does, without failing the batch", async () => {
    const placed = await placeOrders(ca, [await validatedRequest(), await validatedRequest()]);
    const [a, b] = placed.map((r) => (r.ok ? r.value.certificate! : null)!);
    await ca.revoke(a.certificatePem, "superseded", a.serialNumber);

    const results = await revokeAll(ca, [
      { certificatePem: a.certificatePem, reason: "superseded", serialNumber: a.serialNumber },
      { certificatePem: b.certificatePem, reason: "superseded", serialNumber: b.serialNumber },
    ]);
    expect(results[0]).toMatchObject({ ok: false, error: { code: "refused" } });
    expect(results[1].ok).toBe(true);
  });
});
