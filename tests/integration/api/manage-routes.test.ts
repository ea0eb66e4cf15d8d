/**
 * The rest of the API over real HTTP with the typed client: one domain's details, DNSSEC, locks,
 * auth code, contacts, deletion and restore (refused outside redemption); a transfer in; prices, statement, customers and bulk
 * jobs. Each route hands its input to the console's service, so these check the wiring and the
 * documented shapes, not the rules (the services' own tests hold those).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { idempotent } from "@/api-client";
import {
  createDomainCatalog,
  createDomainReseller,
  createRegistrant,
  createStaff,
  startInProcessRegistry,
} from "../../support/factories";
import type { TestRegistry } from "../../support/factories";
import { CONTACT, clearFulfilmentQueue, drainFulfilment } from "../domains/fulfilment/helpers";
import { clientFor, makeKey, startApiServer, type ApiServer } from "./api-server";

let server: ApiServer;
let reg: TestRegistry | undefined;
beforeAll(async () => {
  server = await startApiServer(5781);
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
  const api = clientFor(server, await makeKey(ctx, reseller.id));
  const placed = await api.POST("/domains", {
    params: idempotent("manage-register"),
    body: { name: "api-manage.org", years: 1, contact: CONTACT },
  });
  expect(placed.response.status).toBe(201);
  expect(await drainFulfilment()).toEqual([]);
  return { reseller, api };
}

const name = { params: { path: { name: "api-manage.org" } } };

describe("reseller API management routes", () => {
  it("reads a domain and changes its DNSSEC, locks, auth code and contacts", async () => {
    const { api } = await world();

    const detail = await api.GET("/domains/{name}", name);
    expect(detail.data).toMatchObject({ name: "api-manage.org", state: "active", dsRecords: [], hosts: [] });

    const ds = { keyTag: 12345, alg: 13, digestType: 2, digest: "A".repeat(64) };
    const setDs = await api.PUT("/domains/{name}/ds-records", { ...name, body: { records: [ds] } });
    expect(setDs.response.status, JSON.stringify(setDs.error)).toBe(200);
    expect((await api.GET("/domains/{name}", name)).data?.dsRecords).toEqual([ds]);
    expect((await reg?.registry.store.domains.get("api-manage.org"))?.ds ?? []).toHaveLength(1);

    expect((await api.PUT("/domains/{name}/transfer-lock", { ...name, body: { locked: true } })).response.status).toBe(
      200,
    );
    expect((await api.PUT("/domains/{name}/auto-renew", { ...name, body: { enabled: false } })).response.status).toBe(
      200,
    );
    expect((await api.GET("/domains/{name}", name)).data).toMatchObject({ transferLock: true, autoRenew: false });

    const code = await api.GET("/domains/{name}/auth-code", name);
    expect(code.data?.authCode).toEqual(expect.any(String));
    const reset = await api.PUT("/domains/{name}/auth-code", name);
    expect(reset.data?.authCode).toEqual(expect.any(String));
    expect(reset.data?.authCode).not.toBe(code.data?.authCode);
    expect((await api.GET("/domains/{name}/auth-code", name)).data?.authCode).toBe(reset.data?.authCode);

    const contacts = await api.GET("/domains/{name}/contacts", name);
    expect(contacts.data?.roles.find((r) => r.role === "registrant")?.contact).toMatchObject({ name: CONTACT.name });
    const tech = await api.PUT("/domains/{name}/contacts/{role}", {
      params: { path: { name: "api-manage.org", role: "tech" } },
      body: { contact: { ...CONTACT, name: "Tess Tech", email: "tech@example.org" } },
    });
    expect(tech.response.status, JSON.stringify(tech.error)).toBe(200);
    const after = await api.GET("/domains/{name}/contacts", name);
    expect(after.data?.roles.find((r) => r.role === "tech")?.contact).toMatchObject({ name: "Tess Tech" });

    const badRole = await api.PUT("/domains/{name}/contacts/{role}", {
      params: { path: { name: "api-manage.org", role: "owner" as "tech" } },
      body: { contact: CONTACT },
    });
    expect(badRole.response.status).toBe(404);
  }, 120_000);

  it("deletes a domain in its grace period with a refund, refuses to restore it, and places a transfer in", async () => {
    const { api } = await world();
    // Within the add grace period (the registry's clock): released at once and the registration refunded.
    const deleted = await api.DELETE("/domains/{name}", name);
    expect(deleted.response.status, JSON.stringify(deleted.error)).toBe(200);
    expect(deleted.data?.message).toMatch(/refunded/);
    expect((await api.GET("/domains/{name}", name)).data?.state).toBe("deleted");
    expect((await api.GET("/balance")).data).toMatchObject({ available: 100_000, held: 0 });
    const restored = await api.POST("/domains/{name}/restore", {
      params: { path: { name: "api-manage.org" }, ...idempotent("restore-1") },
    });
    expect(restored.error).toMatchObject({
      status: 409,
      code: "CONFLICT",
      detail: expect.stringMatching(/redemption/),
    });

    await reg?.rival.createDomain({ name: "api-elsewhere.com", authInfo: "Secret-Code-1" });
    const transfer = await api.POST("/domains/transfers", {
      params: idempotent("transfer-1"),
      body: { name: "api-elsewhere.com", authCode: "Secret-Code-1", contact: CONTACT },
    });
    expect(transfer.response.status, JSON.stringify(transfer.error)).toBe(201);
    expect(transfer.data).toMatchObject({
      channel: "api",
      items: [{ kind: "domain_transfer", subject: "api-elsewhere.com" }],
    });

    const noPending = await api.PUT("/domains/{name}/transfer-out", { ...name, body: { decision: "approve" } });
    expect(noPending.error).toMatchObject({ status: 409, code: "CONFLICT" });
  }, 120_000);

  it("lists prices, the statement, customers and bulk jobs", async () => {
    const { api, reseller } = await world();

    const prices = await api.GET("/prices");
    const com = prices.data?.prices.find((p) => p.product === "com" && p.operation === "register");
    expect(com).toMatchObject({ wholesale: 1_500 });
    expect(com?.retail).toBeGreaterThan(1_500);

    const statement = await api.GET("/statement", { params: { query: { limit: 1 } } });
    expect(statement.data?.data).toHaveLength(1);
    expect(statement.data?.next).not.toBeNull();
    const older = await api.GET("/statement", { params: { query: { limit: 50, cursor: statement.data?.next ?? "" } } });
    expect(older.data?.data.length).toBeGreaterThan(0);
    expect(older.data?.data.map((l) => l.id)).not.toContain(statement.data?.data[0].id);

    const first = await createRegistrant(reseller.id, { email: "first@example.org" });
    const second = await createRegistrant(reseller.id, { email: "second@example.org" });
    const page = await api.GET("/customers", { params: { query: { limit: 1 } } });
    const next = await api.GET("/customers", { params: { query: { limit: 1, cursor: page.data?.next ?? "" } } });
    expect([page.data?.data[0].id, next.data?.data[0].id].sort()).toEqual(
      [first.registrant.id, second.registrant.id].sort(),
    );
    expect((await api.GET("/customers/{id}", { params: { path: { id: first.registrant.id } } })).data).toMatchObject({
      email: "first@example.org",
      domains: [],
    });

    const job = await api.POST("/bulk-jobs", {
      params: idempotent("bulk-1"),
      body: { action: "lock", names: ["api-manage.org", "not-mine.com"] },
    });
    expect(job.response.status, JSON.stringify(job.error)).toBe(202);
    expect(job.data).toMatchObject({ action: "lock", total: 2, failed: 1 });
    const got = await api.GET("/bulk-jobs/{id}", { params: { path: { id: job.data?.id ?? "" } } });
    expect(got.data?.items.map((i) => [i.name, i.status])).toEqual([
      ["api-manage.org", "pending"],
      ["not-mine.com", "failed"],
    ]);
    expect((await api.GET("/bulk-jobs")).data?.data.map((j) => j.id)).toEqual([job.data?.id]);
  }, 120_000);
});
