/**
 * Past the accept-by date of an agreement version it has not accepted, a reseller's live API keys can
 * read but not change anything (decision 118), over real HTTP: the refusal is an RFC 9457 problem with
 * its own type; test keys go on in the sandbox; an owner's acceptance lifts it on the next call, even
 * though the standing is kept in the process's cache.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { cacheListenerReady } from "@/server/cache/listen";
import { addDays, setPlatformClock } from "@/server/domains/lifecycle/clock";
import { publishAgreement } from "@/server/reseller-agreements/publish-agreement";
import { acceptAgreement } from "@/server/reseller-agreements/accept-agreement";
import { PROBLEM_TYPE_BASE } from "@/server/api/problem";
import { createDomainReseller, createRegistrarStaff, createStaff } from "../../support/factories";
import { call, makeKey, startApiServer, type ApiServer } from "./api-server";

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer(6256);
  await cacheListenerReady();
});
afterAll(() => server.close());
afterEach(() => setPlatformClock(null));

const AGREEMENT_BODY = "The reseller agrees to the registrar's terms, in full, as published here.";

describe("reseller agreement deadline on the API", () => {
  it("refuses live changes once the deadline has passed, allows reads and test keys, and lifts on acceptance", async () => {
    const reseller = await createDomainReseller({ slug: "lateshop" });
    const owner = await createStaff(reseller.id, "owner");
    const liveKey = await makeKey(owner.ctx, reseller.id, { mode: "live", name: "live" });
    const testKey = await makeKey(owner.ctx, reseller.id, { mode: "test", name: "test" });
    const registrar = await createRegistrarStaff("registrar_admin");
    const now = new Date();
    const version = await publishAgreement(registrar.ctx, {
      version: "2026-12",
      title: "Reseller agreement, December",
      summary: "",
      body: AGREEMENT_BODY,
      acceptBy: addDays(now, 1).toISOString().slice(0, 10),
    });
    const change = (key: string) =>
      call(server.base, key, "/domains/nowhere-yet.com/auto-renew", { method: "PUT", body: { enabled: false } });

    // Due but not yet late: a change goes through to the service (which finds no such name).
    expect((await change(liveKey)).status).toBe(404);

    setPlatformClock(() => addDays(now, 3));
    const refused = await change(liveKey);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await refused.json()) as { type: string; code: string; status: number; detail: string };
    expect(problem).toMatchObject({
      type: `${PROBLEM_TYPE_BASE}agreement-not-accepted`,
      code: "READ_ONLY",
      status: 403,
    });
    expect(problem.detail).toContain("2026-12");
    const register = await call(server.base, liveKey, "/domains", {
      method: "POST",
      idempotencyKey: "late-register",
      body: { name: "late-shop.com", years: 1 },
    });
    expect(register.status).toBe(403);

    // Reads still answer, and the sandbox is not the live business: test keys go on.
    expect((await call(server.base, liveKey, "/domains")).status).toBe(200);
    expect((await change(testKey)).status).toBe(404);

    await acceptAgreement(owner.ctx, { versionId: version.id });
    expect((await change(liveKey)).status).toBe(404);
    const retried = await call(server.base, liveKey, "/domains", {
      method: "POST",
      idempotencyKey: "late-register",
      body: { name: "late-shop.com", years: 1 },
    });
    // The refused request did not claim its Idempotency-Key: the retry runs (and fails on its own input).
    expect(retried.status).toBe(422);

    // The standing is served from this process's cache, not read per call: an acceptance removed behind
    // the triggers' back (replica mode) goes unnoticed, where a read per call would refuse again.
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`set local session_replication_role = replica`;
      await tx.resellerAgreementAcceptance.deleteMany({ where: { resellerId: reseller.id } });
    });
    expect((await change(liveKey)).status).toBe(404);
  });
});
