/**
 * The stand-in's faults as the platform's adapter sees them: refusals and outages that changed
 * nothing, delays, and the dangerous kind where the CA acted but the answer was lost, which the
 * adapter must report as "may have taken effect" so a retry with the same externalId finds the order.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startCaStandIn, type RunningCaStandIn } from "@/ca-standin/index";
import { CaError } from "@/server/ssl/ca/port";
import { standInCertificateAuthority, type StandInCertificateAuthority } from "@/server/ssl/ca/standin/standin-adapter";
import { makeCsr, tableDns } from "./standin-helpers";

const CA_PORT = 5742;
let running: RunningCaStandIn;
let ca: StandInCertificateAuthority;
const dns = tableDns();

let seq = 0;
async function request(externalId = `fault-${++seq}`) {
  const { csrPem } = await makeCsr(["faults.example.com"]);
  return {
    externalId,
    csrPem,
    names: ["faults.example.com"],
    level: "dv" as const,
    dcvMethod: "dns-txt" as const,
    validityDays: 90,
  };
}

const orderCount = () => Object.keys(running.standIn.state.orders).length;

async function caught(p: Promise<unknown>): Promise<CaError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CaError);
  return e as CaError;
}

beforeAll(async () => {
  running = await startCaStandIn({ port: CA_PORT, resolver: dns });
  ca = standInCertificateAuthority({ baseUrl: running.url, timeoutMs: 1_000 });
});
afterEach(() => running.faults.clear());
afterAll(() => running?.close());

describe("stand-in faults through the adapter", () => {
  it("a refusal is 'refused' and creates nothing", async () => {
    running.faults.set("placeOrder", { mode: "refuse", message: "Our risk team declined this order." });
    const e = await caught(ca.placeOrder(await request()));
    expect(e).toMatchObject({
      code: "refused",
      mayHaveTakenEffect: false,
      message: "Our risk team declined this order.",
    });
    expect(orderCount()).toBe(0);
  });

  it("an outage before the work is 'unavailable' and certain not to have happened", async () => {
    running.faults.set("placeOrder", { mode: "unavailable" });
    const e = await caught(ca.placeOrder(await request()));
    expect(e).toMatchObject({ code: "unavailable", mayHaveTakenEffect: false });
    expect(orderCount()).toBe(0);
  });

  it("rate limiting is reported as such", async () => {
    running.faults.set("getOrder", { mode: "rate_limited" });
    const e = await caught(ca.getOrder("whatever"));
    expect(e.code).toBe("rate_limited");
  });

  it("a dropped connection after the order was made may have taken effect; the retry finds the same order", async () => {
    const req = await request("dropped-1");
    running.faults.set("placeOrder", { mode: "drop_after_effect", times: 1 });
    const e = await caught(ca.placeOrder(req));
    expect(e).toMatchObject({ code: "unavailable", mayHaveTakenEffect: true });
    expect(orderCount()).toBe(1);

    const retried = await ca.placeOrder(req);
    expect(orderCount()).toBe(1);
    expect(retried.caOrderId).toBe(Object.keys(running.standIn.state.orders)[0]);
  });

  it("an answer held past the client's timeout is a timeout that may have taken effect (the revocation happened)", async () => {
    const placed = await ca.placeOrder(await request());
    const c = placed.challenges[0];
    dns.set(c.dnsRecordName!, c.dnsRecordValue!);
    const issued = await ca.confirmChallenge(placed.caOrderId, c.name);
    expect(issued.state).toBe("issued");

    running.faults.set("revoke", { mode: "hang_after_effect", delayMs: 2_500, times: 1 });
    const e = await caught(ca.revoke(issued.certificate!.certificatePem, "keyCompromise"));
    expect(e).toMatchObject({ code: "unavailable", mayHaveTakenEffect: true });
    expect(e.message).toMatch(/in time/);
    expect(await ca.certificateStatus(issued.certificate!.serialNumber)).toMatchObject({
      status: "revoked",
      reason: "keyCompromise",
    });
  });

  it("a delay shorter than the timeout only slows the answer; a fault with a count wears off", async () => {
    running.faults.set("all", { mode: "delay", delayMs: 400, times: 1 });
    const started = Date.now();
    const placed = await ca.placeOrder(await request());
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    const again = Date.now();
    expect((await ca.getOrder(placed.caOrderId)).caOrderId).toBe(placed.caOrderId);
    expect(Date.now() - again).toBeLessThan(390);
  });

  it("an unknown order is 'not_found'", async () => {
    const e = await caught(ca.getOrder("no-such-order"));
    expect(e.code).toBe("not_found");
  });
});
