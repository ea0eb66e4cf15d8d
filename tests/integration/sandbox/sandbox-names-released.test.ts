/**
 * A reset or swept sandbox lets its names go at the sandbox registry too (decision 126): a developer
 * who resets can register the same name again with a test key, glue hosts and all, and a name the
 * sandbox registry will not delete keeps its row for the next sweep rather than being forgotten.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { resetSandbox } from "@/server/sandbox/reset-sandbox";
import { sweepSandboxes, SANDBOX_RETENTION_DAYS } from "@/server/sandbox/sweep-sandboxes";
import { idempotent } from "@/api-client";
import {
  createDomainCatalog,
  createDomainReseller,
  createStaff,
  startInProcessRegistry,
} from "../../support/factories";
import type { TestRegistry } from "../../support/factories";
import { CONTACT, clearFulfilmentQueue, drainFulfilment } from "../domains/fulfilment/helpers";
import { clientFor, makeKey, startApiServer, startSandboxRegistry, type ApiServer } from "../api/api-server";

const DAY_MS = 86_400_000;

let server: ApiServer;
let live: TestRegistry | undefined;
let sandbox: ReturnType<typeof startSandboxRegistry> | undefined;
beforeAll(async () => {
  server = await startApiServer(6243);
});
afterAll(() => server.close());
beforeEach(clearFulfilmentQueue);
afterEach(async () => {
  await live?.close();
  await sandbox?.close();
  live = undefined;
  sandbox = undefined;
});

async function world() {
  await createDomainCatalog();
  const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
  const owner = await createStaff(reseller.id, "owner");
  live = startInProcessRegistry();
  sandbox = startSandboxRegistry();
  const api = clientFor(server, await makeKey(owner.ctx, reseller.id, { mode: "test" }));
  const register = async (name: string, key: string) => {
    const placed = await api.POST("/domains", { params: idempotent(key), body: { name, years: 1, contact: CONTACT } });
    expect(placed.response.status, JSON.stringify(placed.error)).toBe(201);
    expect(await drainFulfilment()).toEqual([]);
    return (await api.GET("/orders/{id}", { params: { path: { id: placed.data?.id ?? "" } } })).data;
  };
  return { reseller, owner, api, register };
}

const atSandbox = (name: string) => sandbox?.registry.store.domains.get(name);

describe("sandbox names at the sandbox registry", () => {
  it("a reset deletes the names there, so the same name registers again in the sandbox", async () => {
    const { reseller, owner, api, register } = await world();
    expect(await register("again.com", "register-1")).toMatchObject({ items: [{ state: "completed" }] });
    // A glue host under the name: the registry refuses to delete a domain with hosts under it.
    const ns = await api.PUT("/domains/{name}/nameservers", {
      params: { path: { name: "again.com" } },
      body: { nameservers: [{ host: "ns1.again.com", addresses: ["192.0.2.53"] }, { host: "ns.dns-provider.dev" }] },
    });
    expect(ns.response.status, JSON.stringify(ns.error)).toBe(200);
    // Past the add grace period, where a registry without purge-on-delete would keep it in redemption.
    sandbox?.registry.advanceClock(10 * DAY_MS);
    expect(atSandbox("again.com")).toBeDefined();

    const reset = await resetSandbox(owner.ctx, reseller.id);

    expect(reset).toMatchObject({ domains: 1, namesReleased: 1, namesPending: 0, namesKept: 0 });
    expect(atSandbox("again.com")).toBeUndefined();
    expect(sandbox?.registry.store.hosts.get("ns1.again.com")).toBeUndefined();
    expect(await register("again.com", "register-2")).toMatchObject({ items: [{ state: "completed" }] });
    expect(atSandbox("again.com")).toBeDefined();
    expect(await db.domain.findUniqueOrThrow({ where: { name: "again.com" } })).toMatchObject({ state: "active" });
    // The live registry never heard of it.
    expect(live?.registry.store.domains.get("again.com")).toBeUndefined();
  }, 60_000);

  it("the sweep deletes old names there and keeps the row of one the registry refuses to delete", async () => {
    const { register } = await world();
    await register("old-free.com", "register-free");
    await register("old-locked.com", "register-locked");
    const locked = atSandbox("old-locked.com");
    if (!locked) throw new Error("not registered in the sandbox");
    sandbox?.registry.store.domains.put(locked.name, {
      ...locked,
      statuses: [...locked.statuses, "clientDeleteProhibited"],
    });
    const old = new Date(Date.now() - (SANDBOX_RETENTION_DAYS + 1) * DAY_MS);
    await db.$executeRaw`update "Domain" set "updatedAt" = ${old} where name in ('old-free.com', 'old-locked.com')`;

    const swept = await sweepSandboxes();

    expect(swept).toMatchObject({ domains: 1, namesReleased: 1, namesKept: 1 });
    expect(atSandbox("old-free.com")).toBeUndefined();
    expect(await db.domain.count({ where: { name: "old-free.com" } })).toBe(0);
    // Still registered there, so still ours to delete on the next sweep.
    expect(atSandbox("old-locked.com")).toBeDefined();
    expect(await db.domain.count({ where: { name: "old-locked.com" } })).toBe(1);
  }, 60_000);
});
