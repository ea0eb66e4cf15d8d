/**
 * A reseller's journey through the API over real HTTP: check, register (the same Idempotency-Key
 * twice → one order), the order followed to completion by the engine's job, renew, name servers,
 * lists and balance — each call answered by the services the console uses.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyLedger } from "@/server/billing/verify-ledger";
import {
  createDomainCatalog,
  createDomainReseller,
  createStaff,
  startInProcessRegistry,
} from "../../support/factories";
import type { TestRegistry } from "../../support/factories";
import { CONTACT, clearFulfilmentQueue, drainFulfilment } from "../domains/fulfilment/helpers";
import { call, makeKey, startApiServer, type ApiServer } from "./api-server";

let server: ApiServer;
let reg: TestRegistry | undefined;
beforeAll(async () => {
  server = await startApiServer(5780);
});
afterAll(() => server.close());
beforeEach(clearFulfilmentQueue);
afterEach(async () => {
  await reg?.close();
  reg = undefined;
});

async function world() {
  await createDomainCatalog();
  const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
  const { ctx } = await createStaff(reseller.id, "owner");
  reg = startInProcessRegistry();
  return { reseller, key: await makeKey(ctx, reseller.id) };
}

const registration = { name: "api-journey.com", years: 1, contact: CONTACT };

describe("reseller API journey", () => {
  it("checks, registers once for two identical requests, follows the order to completion, renews and changes name servers", async () => {
    const { reseller, key } = await world();

    const check = await call(server.base, key, "/domains/check?name=api-journey.com");
    expect(check.status).toBe(200);
    expect(check.headers.get("api-mode")).toBe("live");
    expect(check.headers.get("ratelimit-policy")).toBe('"default";q=120;w=60');
    expect(check.headers.get("ratelimit")).toMatch(/^"default";r=119;t=\d+$/);
    expect(await check.json()).toMatchObject({
      name: "api-journey.com",
      availability: "available",
      price: { currency: "USD" },
    });

    const bulk = await call(server.base, key, "/domains/check", {
      method: "POST",
      idempotencyKey: "bulk-check-1",
      body: { names: ["api-journey.org", "-not-a-name-.com"] },
    });
    expect(bulk.status).toBe(200);
    const { results } = (await bulk.json()) as { results: { name: string; availability: string }[] };
    expect(results.map((r) => r.availability)).toEqual(["available", "invalid"]);

    const first = await call(server.base, key, "/domains", {
      method: "POST",
      idempotencyKey: "register-journey-1",
      body: registration,
    });
    expect(first.status).toBe(201);
    const placed = (await first.json()) as { id: string; channel: string; items: { state: string }[] };
    expect(placed).toMatchObject({ channel: "api", items: [{ state: "paid" }] });

    const again = await call(server.base, key, "/domains", {
      method: "POST",
      idempotencyKey: "register-journey-1",
      body: registration,
    });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as { id: string }).id).toBe(placed.id);
    expect(await db.order.count({ where: { resellerId: reseller.id } })).toBe(1);

    expect(await drainFulfilment()).toEqual([]);
    const done = await call(server.base, key, `/orders/${placed.id}`);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({
      id: placed.id,
      items: [{ kind: "domain_register", state: "completed" }],
    });
    const domain = await db.domain.findUniqueOrThrow({ where: { name: "api-journey.com" } });
    expect(domain).toMatchObject({ state: "active", resellerId: reseller.id });

    const renew = await call(server.base, key, "/domains/api-journey.com/renew", {
      method: "POST",
      idempotencyKey: "renew-journey-1",
      body: { years: 2 },
    });
    expect(renew.status).toBe(201);
    const renewed = (await renew.json()) as { order: { channel: string; items: { state: string }[] }; result: unknown };
    expect(renewed.order).toMatchObject({ channel: "api", items: [{ kind: "domain_renew", state: "completed" }] });
    expect(renewed.result).toMatchObject({ ok: true });
    const after = await db.domain.findUniqueOrThrow({ where: { name: "api-journey.com" } });
    expect(after.expiresAt?.getUTCFullYear()).toBe((domain.expiresAt?.getUTCFullYear() ?? 0) + 2);

    const ns = await call(server.base, key, "/domains/api-journey.com/nameservers", {
      method: "PUT",
      body: {
        nameservers: [{ host: "ns1.api-journey.com", addresses: ["192.0.2.53"] }, { host: "ns.dns-provider.dev" }],
      },
    });
    expect(ns.status, await ns.clone().text()).toBe(200);
    expect(await ns.json()).toMatchObject({ nameservers: ["ns1.api-journey.com", "ns.dns-provider.dev"] });
    const info = await reg?.registry.store.domains.get("api-journey.com");
    expect(info?.ns ?? []).toEqual(expect.arrayContaining(["ns1.api-journey.com", "ns.dns-provider.dev"]));

    const orders = (await (await call(server.base, key, "/orders?limit=1")).json()) as {
      data: { id: string }[];
      next: string | null;
    };
    expect(orders.data).toHaveLength(1);
    expect(orders.next).not.toBeNull();
    const rest = (await (
      await call(server.base, key, `/orders?limit=1&cursor=${encodeURIComponent(orders.next ?? "")}`)
    ).json()) as { data: { id: string }[]; next: string | null };
    expect(rest).toMatchObject({ data: [{ id: placed.id }], next: null });

    const domains = (await (await call(server.base, key, "/domains")).json()) as { data: { name: string }[] };
    expect(domains.data.map((d) => d.name)).toEqual(["api-journey.com"]);

    const balance = (await (await call(server.base, key, "/balance")).json()) as { available: number; held: number };
    // One registration year and two renewal years at 15.00 wholesale each.
    expect(balance).toMatchObject({ available: 100_000 - 3 * 1_500, held: 0 });

    const audited = await db.auditEntry.findMany({ where: { action: "api.request", resellerId: reseller.id } });
    expect(audited.map((a) => (a.after as { operation: string }).operation).sort()).toEqual([
      "registerDomain",
      "renewDomain",
      "setNameservers",
    ]);
    expect((await verifyLedger(db)).faults).toEqual([]);
    // Many round trips, a registry and the job queue: slower than one service call on a busy machine.
  }, 120_000);

  it("makes one order for two simultaneous requests with the same Idempotency-Key", async () => {
    const { reseller, key } = await world();
    const send = () =>
      call(server.base, key, "/domains", {
        method: "POST",
        idempotencyKey: "register-race-1",
        body: { ...registration, name: "api-race.com" },
      });
    const answers = await Promise.all([send(), send()]);
    const statuses = answers.map((a) => a.status).sort();
    // The loser either waits out the winner (a replay) or is told the key is still in use.
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    expect(await db.order.count({ where: { resellerId: reseller.id } })).toBe(1);
  }, 60_000);
});
