import { describe, expect, it } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import { signInToConsole } from "@/app/(console)/(auth)/actions";
import { signInToStorefront } from "@/app/(storefront)/[host]/(auth)/actions";
import { createRegistrant, createReseller, createStaff } from "../../support/factories";

describe("sign-in throttling", () => {
  it("locks an account after five failures, even against the right password, and says why", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "owner", { email: "o@acme.test" });
    for (let i = 0; i < 5; i++) {
      const r = await signInToConsole.run(testRequest({ clientAddress: `198.51.100.${i}` }), { email: "o@acme.test", password: "wrong-password" });
      expect(r).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    }
    const locked = await signInToConsole.run(testRequest({ clientAddress: "198.51.100.99" }), { email: "o@acme.test", password });
    expect(locked).toMatchObject({ ok: false, code: "RATE_LIMITED", message: expect.stringContaining("wait 15 minutes") });
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "owner", { email: "o@acme.test" });
    for (let i = 0; i < 4; i++) await signInToConsole.run(testRequest(), { email: "o@acme.test", password: "wrong-password" });
    expect(await signInToConsole.run(testRequest(), { email: "o@acme.test", password })).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) await signInToConsole.run(testRequest({ clientAddress: "192.0.2.7" }), { email: "o@acme.test", password: "wrong-password" });
    expect(await signInToConsole.run(testRequest({ clientAddress: "192.0.2.8" }), { email: "o@acme.test", password })).toMatchObject({ ok: true });
  });

  it("limits one address guessing across many accounts to twenty failures", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "owner", { email: "o@acme.test" });
    const req = testRequest({ clientAddress: "203.0.113.50" });
    for (let i = 0; i < 20; i++) await signInToConsole.run(req, { email: `guess-${i}@acme.test`, password: "wrong-password" });
    expect(await signInToConsole.run(req, { email: "o@acme.test", password })).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await signInToConsole.run(testRequest({ clientAddress: "203.0.113.51" }), { email: "o@acme.test", password })).toMatchObject({ ok: true });
  });

  it("counts a registrant's failures per storefront", async () => {
    const acme = await createReseller();
    const nimbus = await createReseller();
    await createRegistrant(acme.id, { email: "jo@example.test" });
    const { password } = await createRegistrant(nimbus.id, { email: "jo@example.test" });
    for (let i = 0; i < 5; i++) await signInToStorefront.run(testRequest({ host: acme.host, clientAddress: `10.0.0.${i}` }), { email: "jo@example.test", password: "wrong-password" });
    expect(await signInToStorefront.run(testRequest({ host: acme.host }), { email: "jo@example.test", password: "x" })).toMatchObject({ code: "RATE_LIMITED" });
    expect(await signInToStorefront.run(testRequest({ host: nimbus.host }), { email: "jo@example.test", password })).toMatchObject({ ok: true });
  });

  it("counts concurrent failures without losing any", async () => {
    const acme = await createReseller();
    await createStaff(acme.id, "owner", { email: "o@acme.test" });
    await Promise.all(Array.from({ length: 8 }, () => signInToConsole.run(testRequest({ clientAddress: "10.9.9.9" }), { email: "o@acme.test", password: "nope-nope" })));
    const buckets = await db.rateLimitBucket.findMany({ where: { key: "signin:addr:10.9.9.9" } });
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(8);
  });
});
