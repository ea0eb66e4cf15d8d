/**
 * What the API refuses, over real HTTP, each with RFC 9457 problem details: missing, wrong, expired
 * and revoked keys; an address outside the key's allowlist; a missing scope; a test key; another
 * reseller's objects; a reused Idempotency-Key; invalid input; the rate limit.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { hashKey } from "@/server/api-keys/key-format";
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
let limited: ApiServer;
let reg: TestRegistry | undefined;
beforeAll(async () => {
  server = await startApiServer(5781);
  limited = await startApiServer(5782, { rate: { limit: 3, windowSeconds: 60 } });
});
afterAll(async () => {
  await server.close();
  await limited.close();
});
beforeEach(clearFulfilmentQueue);
afterEach(async () => {
  await reg?.close();
  reg = undefined;
});

async function reseller(slug: string) {
  const r = await createDomainReseller({ slug, wholesale: 1_500, balance: 100_000 });
  const owner = await createStaff(r.id, "owner");
  return { reseller: r, ctx: owner.ctx };
}

async function expectProblem(res: Response, status: number, code: string, detail?: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: expect.stringMatching(/^tag:/), title: expect.any(String) });
  if (detail) expect(body.detail).toMatch(detail);
  return body;
}

describe("reseller API refusals", () => {
  it("refuses missing, unknown, expired and revoked keys with 401, revocation taking effect at once", async () => {
    const { reseller: r, ctx } = await reseller("keys");
    await expectProblem(await call(server.base, null, "/orders"), 401, "UNAUTHENTICATED", /Bearer/);
    const missing = await call(server.base, null, "/orders");
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await expectProblem(
      await call(server.base, `rk_live_${"A".repeat(43)}`, "/orders"),
      401,
      "UNAUTHENTICATED",
      /not valid/,
    );

    const expiring = await makeKey(ctx, r.id, { expiresInDays: 30 });
    expect((await call(server.base, expiring, "/orders")).status).toBe(200);
    await db.apiKey.update({ where: { secretHash: hashKey(expiring) }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expectProblem(await call(server.base, expiring, "/orders"), 401, "UNAUTHENTICATED", /expired/);

    const key = await makeKey(ctx, r.id);
    expect((await call(server.base, key, "/orders")).status).toBe(200);
    const row = await db.apiKey.findUniqueOrThrow({ where: { secretHash: hashKey(key) } });
    expect(row.lastUsedAt).not.toBeNull();
    await revokeApiKey(ctx, r.id, row.id);
    await expectProblem(await call(server.base, key, "/orders"), 401, "UNAUTHENTICATED", /revoked/);
    expect(await db.auditEntry.count({ where: { action: "api_key.revoke", entityId: row.id } })).toBe(1);
  }, 60_000);

  it("refuses an address outside the key's allowlist (IPv4 and IPv6) and a missing scope with 403, in either mode", async () => {
    const { reseller: r, ctx } = await reseller("walls");
    const key = await makeKey(ctx, r.id, { allowedCidrs: ["203.0.113.0/24", "2001:db8::/32"] });
    expect((await call(server.base, key, "/orders", { ip: "203.0.113.9" })).status).toBe(200);
    expect((await call(server.base, key, "/orders", { ip: "2001:db8:1::7" })).status).toBe(200);
    await expectProblem(
      await call(server.base, key, "/orders", { ip: "198.51.100.7" }),
      403,
      "FORBIDDEN",
      /198\.51\.100\.7/,
    );
    await expectProblem(await call(server.base, key, "/orders", { ip: "2001:db9::1" }), 403, "FORBIDDEN");

    const readOnly = await makeKey(ctx, r.id, { scopes: ["read"] });
    const body = await expectProblem(await call(server.base, readOnly, "/balance"), 403, "FORBIDDEN", /billing/);
    expect(body.type).toMatch(/missing-scope$/);

    // A test key acts on the sandbox, behind the same walls.
    const test = await makeKey(ctx, r.id, { mode: "test", scopes: ["read"], allowedCidrs: ["203.0.113.0/24"] });
    expect(test.startsWith("rk_test_")).toBe(true);
    const allowed = await call(server.base, test, "/orders", { ip: "203.0.113.9" });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("api-mode")).toBe("test");
    await expectProblem(await call(server.base, test, "/orders", { ip: "198.51.100.7" }), 403, "FORBIDDEN");
    const noScope = await expectProblem(
      await call(server.base, test, "/balance", { ip: "203.0.113.9" }),
      403,
      "FORBIDDEN",
      /billing/,
    );
    expect(noScope.type).toMatch(/missing-scope$/);
  });

  it("answers 404 for another reseller's order and domain, as for ones that do not exist", async () => {
    await createDomainCatalog();
    reg = startInProcessRegistry();
    const a = await reseller("alpha");
    const b = await reseller("bravo");
    const keyA = await makeKey(a.ctx, a.reseller.id);
    const keyB = await makeKey(b.ctx, b.reseller.id);
    const placed = await call(server.base, keyB, "/domains", {
      method: "POST",
      idempotencyKey: "bravo-1",
      body: { name: "bravo-owned.com", years: 1, contact: CONTACT },
    });
    expect(placed.status).toBe(201);
    const { id } = (await placed.json()) as { id: string };
    await drainFulfilment();

    await expectProblem(await call(server.base, keyA, `/orders/${id}`), 404, "NOT_FOUND");
    await expectProblem(await call(server.base, keyA, "/orders/not-an-id"), 404, "NOT_FOUND");
    await expectProblem(
      await call(server.base, keyA, "/domains/bravo-owned.com/renew", {
        method: "POST",
        idempotencyKey: "alpha-renew",
        body: { years: 1 },
      }),
      404,
      "NOT_FOUND",
    );
    await expectProblem(
      await call(server.base, keyA, "/domains/bravo-owned.com/nameservers", {
        method: "PUT",
        body: { nameservers: [{ host: "ns1.evil.dev" }, { host: "ns2.evil.dev" }] },
      }),
      404,
      "NOT_FOUND",
    );
    const listed = (await (await call(server.base, keyA, "/domains")).json()) as { data: unknown[] };
    expect(listed.data).toEqual([]);
    expect((await (await call(server.base, keyA, "/orders")).json()) as { data: unknown[] }).toMatchObject({
      data: [],
    });
    expect(await db.order.count({ where: { resellerId: a.reseller.id } })).toBe(0);
  });

  it("answers 422 for a reused Idempotency-Key with another body, 400 without one, 422 with field errors", async () => {
    await createDomainCatalog(["com"]);
    reg = startInProcessRegistry();
    const { reseller: r, ctx } = await reseller("idem");
    const key = await makeKey(ctx, r.id);
    const first = await call(server.base, key, "/domains/check", {
      method: "POST",
      idempotencyKey: "same-key",
      body: { names: ["one-name.com"] },
    });
    expect(first.status).toBe(200);
    const reused = await expectProblem(
      await call(server.base, key, "/domains/check", {
        method: "POST",
        idempotencyKey: "same-key",
        body: { names: ["another-name.com"] },
      }),
      422,
      "CONFLICT",
    );
    expect(reused.type).toMatch(/idempotency-key-reused$/);

    await expectProblem(
      await call(server.base, key, "/domains/check", { method: "POST", body: { names: ["x.com"] } }),
      400,
      "INVALID_INPUT",
      /Idempotency-Key/,
    );
    const invalid = await expectProblem(
      await call(server.base, key, "/domains", {
        method: "POST",
        idempotencyKey: "bad-years",
        body: { name: "fine-name.com", years: 0, contact: CONTACT },
      }),
      422,
      "INVALID_INPUT",
    );
    expect(invalid.errors).toEqual([expect.objectContaining({ field: "body.years" })]);
    expect(await db.order.count()).toBe(0);
  });

  it("answers 429 with Retry-After past the key's rate limit", async () => {
    const { reseller: r, ctx } = await reseller("busy");
    const key = await makeKey(ctx, r.id);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call(limited.base, key, "/orders"));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers[2].headers.get("ratelimit")).toMatch(/^"default";r=0;t=\d+$/);
    const refused = answers[3];
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit-policy")).toBe('"default";q=3;w=60');
    await expectProblem(refused, 429, "RATE_LIMITED");
  });
});
