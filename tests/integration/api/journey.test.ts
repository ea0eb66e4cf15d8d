/**
 * A reseller's journey through the API over real HTTP with the typed client (src/api-client), once
 * with a live key and once with a test key: check, register (the same Idempotency-Key twice → one
 * order), the order followed to completion by the engine's job, renew, name servers, lists and
 * balance — each call answered by the services the console uses. A test key does all of it in the
 * reseller's sandbox (decision 100): the sandbox registry, test money, and nothing the live key or
 * the live console can see.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyLedger } from "@/server/billing/verify-ledger";
import { getBalance } from "@/server/billing/get-balance";
import { listDomains } from "@/server/domains/queries/list-domains";
import { listOrders } from "@/server/domains/queries/list-orders";
import { SANDBOX_OPENING_BALANCE } from "@/server/sandbox/sandbox-tenant";
import { idempotent } from "@/api-client";
import {
  createDomainCatalog,
  createDomainReseller,
  createStaff,
  startInProcessRegistry,
} from "../../support/factories";
import type { TestRegistry } from "../../support/factories";
import { CONTACT, clearFulfilmentQueue, drainFulfilment } from "../domains/fulfilment/helpers";
import { clientFor, makeKey, startApiServer, startSandboxRegistry, type ApiServer } from "./api-server";

let server: ApiServer;
let live: TestRegistry | undefined;
let sandbox: ReturnType<typeof startSandboxRegistry> | undefined;
beforeAll(async () => {
  server = await startApiServer(5780);
});
afterAll(() => server.close());
beforeEach(clearFulfilmentQueue);
afterEach(async () => {
  await live?.close();
  await sandbox?.close();
  live = undefined;
  sandbox = undefined;
});

async function world(mode: "live" | "test") {
  await createDomainCatalog();
  const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
  const owner = await createStaff(reseller.id, "owner");
  live = startInProcessRegistry();
  sandbox = startSandboxRegistry();
  const key = await makeKey(owner.ctx, reseller.id, { mode });
  const liveKey = mode === "live" ? key : await makeKey(owner.ctx, reseller.id, { mode: "live", name: "live" });
  return { reseller, owner, api: clientFor(server, key), liveApi: clientFor(server, liveKey) };
}

const registration = { name: "api-journey.com", years: 1, contact: CONTACT };

describe.each(["live", "test"] as const)("reseller API journey with a %s key", (mode) => {
  it("checks, registers once for two identical requests, follows the order to completion, renews and changes name servers", async () => {
    const { reseller, owner, api, liveApi } = await world(mode);

    const check = await api.GET("/domains/check", { params: { query: { name: "api-journey.com" } } });
    expect(check.response.status).toBe(200);
    expect(check.response.headers.get("api-mode")).toBe(mode);
    expect(check.response.headers.get("ratelimit-policy")).toBe('"default";q=120;w=60');
    expect(check.response.headers.get("ratelimit")).toMatch(/^"default";r=119;t=\d+$/);
    expect(check.data).toMatchObject({
      name: "api-journey.com",
      availability: "available",
      price: { currency: "USD" },
    });

    const bulk = await api.POST("/domains/check", {
      params: idempotent("bulk-check-1"),
      body: { names: ["api-journey.org", "-not-a-name-.com"] },
    });
    expect(bulk.response.status).toBe(200);
    expect(bulk.data?.results.map((r) => r.availability)).toEqual(["available", "invalid"]);

    const first = await api.POST("/domains", { params: idempotent("register-journey-1"), body: registration });
    expect(first.response.status).toBe(201);
    const placed = first.data;
    expect(placed).toMatchObject({ channel: "api", items: [{ state: "paid" }] });

    const again = await api.POST("/domains", { params: idempotent("register-journey-1"), body: registration });
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.data?.id).toBe(placed?.id);
    const order = await db.order.findUniqueOrThrow({ where: { id: placed?.id ?? "" } });
    expect(await db.order.count({ where: { resellerId: order.resellerId } })).toBe(1);

    expect(await drainFulfilment()).toEqual([]);
    const done = await api.GET("/orders/{id}", { params: { path: { id: placed?.id ?? "" } } });
    expect(done.response.status).toBe(200);
    expect(done.data).toMatchObject({ id: placed?.id, items: [{ kind: "domain_register", state: "completed" }] });
    const domain = await db.domain.findUniqueOrThrow({ where: { name: "api-journey.com" } });
    expect(domain).toMatchObject({ state: "active", resellerId: order.resellerId });
    // The name was registered at the registry of the key's mode, and only there.
    const [mine, other] = mode === "live" ? [live, sandbox] : [sandbox, live];
    expect(await mine?.registry.store.domains.get("api-journey.com")).toBeDefined();
    expect(await other?.registry.store.domains.get("api-journey.com")).toBeUndefined();

    const renew = await api.POST("/domains/{name}/renew", {
      params: { path: { name: "api-journey.com" }, ...idempotent("renew-journey-1") },
      body: { years: 2 },
    });
    expect(renew.response.status).toBe(201);
    expect(renew.data?.order).toMatchObject({ channel: "api", items: [{ kind: "domain_renew", state: "completed" }] });
    expect(renew.data?.result).toMatchObject({ ok: true });
    const after = await db.domain.findUniqueOrThrow({ where: { name: "api-journey.com" } });
    expect(after.expiresAt?.getUTCFullYear()).toBe((domain.expiresAt?.getUTCFullYear() ?? 0) + 2);

    const ns = await api.PUT("/domains/{name}/nameservers", {
      params: { path: { name: "api-journey.com" } },
      body: {
        nameservers: [{ host: "ns1.api-journey.com", addresses: ["192.0.2.53"] }, { host: "ns.dns-provider.dev" }],
      },
    });
    expect(ns.response.status, JSON.stringify(ns.error)).toBe(200);
    expect(ns.data).toMatchObject({ nameservers: ["ns1.api-journey.com", "ns.dns-provider.dev"] });
    const info = await mine?.registry.store.domains.get("api-journey.com");
    expect(info?.ns ?? []).toEqual(expect.arrayContaining(["ns1.api-journey.com", "ns.dns-provider.dev"]));

    const orders = await api.GET("/orders", { params: { query: { limit: 1 } } });
    expect(orders.data?.data).toHaveLength(1);
    expect(orders.data?.next).not.toBeNull();
    const rest = await api.GET("/orders", { params: { query: { limit: 1, cursor: orders.data?.next ?? "" } } });
    expect(rest.data).toMatchObject({ data: [{ id: placed?.id }], next: null });

    const domains = await api.GET("/domains");
    expect(domains.data?.data.map((d) => d.name)).toEqual(["api-journey.com"]);

    // One registration year and two renewal years at 15.00 wholesale each, from live or test money.
    const opening = mode === "live" ? 100_000 : SANDBOX_OPENING_BALANCE;
    const balance = await api.GET("/balance");
    expect(balance.data).toMatchObject({ available: opening - 3 * 1_500, held: 0 });

    const audited = await db.auditEntry.findMany({ where: { action: "api.request", resellerId: order.resellerId } });
    expect(audited.map((a) => (a.after as { operation: string }).operation).sort()).toEqual([
      "registerDomain",
      "renewDomain",
      "setNameservers",
    ]);
    expect((await verifyLedger(db)).faults).toEqual([]);

    if (mode === "test") {
      // Nothing of the sandbox reaches live: not the live key, not the console's lists, not the live balance.
      expect(order.resellerId).not.toBe(reseller.id);
      expect((await liveApi.GET("/domains")).data?.data).toEqual([]);
      expect((await liveApi.GET("/orders")).data?.data).toEqual([]);
      const peek = await liveApi.GET("/orders/{id}", { params: { path: { id: placed?.id ?? "" } } });
      expect(peek.response.status).toBe(404);
      expect(peek.response.headers.get("api-mode")).toBe("live");
      const byName = await liveApi.GET("/domains/{name}", { params: { path: { name: "api-journey.com" } } });
      expect(byName.error).toMatchObject({ status: 404, code: "NOT_FOUND" });
      expect((await listDomains(owner.ctx, { resellerId: reseller.id, sort: "name", limit: 50 })).rows).toEqual([]);
      expect(await listOrders(owner.ctx, { resellerId: reseller.id })).toEqual([]);
      expect(await getBalance(owner.ctx, reseller.id)).toMatchObject({ available: 100_000, held: 0 });
      expect((await liveApi.GET("/balance")).data).toMatchObject({ available: 100_000 });
    }
  }, 120_000);

  it("makes one order for two simultaneous requests with the same Idempotency-Key", async () => {
    const { api } = await world(mode);
    const send = () =>
      api.POST("/domains", { params: idempotent("register-race-1"), body: { ...registration, name: "api-race.com" } });
    const answers = await Promise.all([send(), send()]);
    const statuses = answers.map((a) => a.response.status).sort();
    // The loser either waits out the winner (a replay) or is told the key is still in use.
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    const ids = answers.flatMap((a) => (a.data ? [a.data.id] : []));
    const { resellerId } = await db.order.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(await db.order.count({ where: { resellerId } })).toBe(1);
  }, 60_000);
});
