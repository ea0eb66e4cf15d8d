/**
 * Batch calls on the CA port: each item gets its own answer whether the adapter has a batch endpoint
 * or not, and a failure of the whole call is no verdict on any one item.
 */
import { describe, expect, it } from "vitest";
import { placeOrders, revokeAll } from "@/server/ssl/ca/batch";
import {
  CaError,
  type CaOrder,
  type CertificateAuthorityPort,
  type CertificateOrderRequest,
} from "@/server/ssl/ca/port";

const request = (externalId: string): CertificateOrderRequest => ({
  externalId,
  csrPem: "-",
  names: [`${externalId}.example.com`],
  level: "dv",
  dcvMethod: "dns-txt",
  validityDays: 90,
});
const order = (id: string): CaOrder => ({ caOrderId: `order-${id}`, state: "pending_validation", challenges: [] });

/** A CA with single calls only (as the ACME adapter is); `refuse` names the externalIds it refuses. */
function singleCallCa(refuse: string[] = []): CertificateAuthorityPort & { calls: string[] } {
  const calls: string[] = [];
  return {
    name: "single",
    calls,
    async placeOrder(r) {
      calls.push(r.externalId);
      if (refuse.includes(r.externalId)) throw new CaError("refused", `no ${r.externalId}`);
      return order(r.externalId);
    },
    getOrder: async (id) => order(id),
    confirmChallenge: async (id) => order(id),
    async revoke(_pem, _reason, serial) {
      calls.push(serial ?? "");
      if (refuse.includes(serial ?? "")) throw new CaError("not_found", `no ${serial}`);
    },
    trustAnchorsPem: async () => [],
  };
}

describe("placing orders in a batch", () => {
  it("falls back to one call per order where the CA has no batch endpoint, a refusal failing only its own order", async () => {
    const ca = singleCallCa(["b"]);
    const results = await placeOrders(ca, [request("a"), request("b"), request("c")]);
    expect(ca.calls.sort()).toEqual(["a", "b", "c"]);
    expect(results[0]).toEqual({ ok: true, value: order("a") });
    expect(results[1]).toMatchObject({ ok: false, error: { code: "refused", message: "no b" } });
    expect(results[2]).toEqual({ ok: true, value: order("c") });
  });

  it("uses the batch endpoint where there is one, and keeps its answers in order", async () => {
    const ca = {
      ...singleCallCa(),
      placeOrdersBatch: async (rs: CertificateOrderRequest[]) =>
        rs.map((r) =>
          r.externalId === "b"
            ? { ok: false as const, error: new CaError("refused", "no b") }
            : { ok: true as const, value: order(r.externalId) },
        ),
    };
    const results = await placeOrders(ca, [request("a"), request("b")]);
    expect(ca.calls).toEqual([]);
    expect(results.map((r) => r.ok)).toEqual([true, false]);
  });

  it("does not take the refusal of a whole batch as a refusal of each order: they are asked about again", async () => {
    const ca = {
      ...singleCallCa(),
      placeOrdersBatch: async () => {
        throw new CaError("refused", "the batch is malformed");
      },
    };
    const results = await placeOrders(ca, [request("a"), request("b")]);
    for (const r of results) expect(r).toMatchObject({ ok: false, error: { code: "unavailable" } });
  });

  it("passes on a lost answer as one that may have taken effect, for every order of the batch", async () => {
    const ca = {
      ...singleCallCa(),
      placeOrdersBatch: async () => {
        throw new CaError("unavailable", "connection dropped", true);
      },
    };
    const results = await placeOrders(ca, [request("a"), request("b")]);
    for (const r of results) expect(r).toMatchObject({ ok: false, error: { mayHaveTakenEffect: true } });
  });

  it("treats an answer with the wrong number of results as unanswered, not as some orders placed", async () => {
    const ca = { ...singleCallCa(), placeOrdersBatch: async () => [{ ok: true as const, value: order("a") }] };
    const results = await placeOrders(ca, [request("a"), request("b")]);
    for (const r of results)
      expect(r).toMatchObject({ ok: false, error: { code: "unavailable", mayHaveTakenEffect: true } });
  });
});

describe("revoking in a batch", () => {
  it("falls back to one call per certificate, an unknown one failing alone", async () => {
    const ca = singleCallCa(["02"]);
    const results = await revokeAll(
      ca,
      ["01", "02", "03"].map((serialNumber) => ({ certificatePem: "-", reason: "superseded" as const, serialNumber })),
    );
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(ca.calls.sort()).toEqual(["01", "02", "03"]);
  });
});
