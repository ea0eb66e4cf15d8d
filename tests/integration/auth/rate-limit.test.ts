import { describe, expect, it } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import { signInToConsole } from "@/app/(console)/(auth)/actions";
import { signInToStorefront } from "@/app/(storefront)/[host]/(auth)/actions";
import { reserveHit } from "@/server/auth/rate-limit";
import { createRegistrant, createReseller, createStaff } from "../../support/factories";

const from = (clientAddress: string) => testRequest({ clientAddress });

describe("sign-in throttling", () => {
  it("stops one address after five failures on one account, even with the right password, and says why", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "support", { email: "o@acme.test" });
    for (let i = 0; i < 5; i++) {
      expect(
        await signInToConsole.run(from("198.51.100.7"), { email: "o@acme.test", password: "wrong-password" }),
      ).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    }
    const stopped = await signInToConsole.run(from("198.51.100.7"), { email: "o@acme.test", password });
    expect(stopped).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      message: expect.stringContaining("wait 15 minutes"),
    });
  });

  it("bounds guesses from many new addresses with an account-wide budget of ten", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "support", { email: "o@acme.test" });
    for (let i = 0; i < 10; i++)
      await signInToConsole.run(from(`198.51.100.${i}`), { email: "o@acme.test", password: "wrong-password" });
    expect(await signInToConsole.run(from("198.51.100.99"), { email: "o@acme.test", password })).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
    });
  });

  it("lets the owner in from an address they signed in from lately, whatever the account-wide budget says", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "support", { email: "o@acme.test" });
    expect(await signInToConsole.run(from("192.0.2.10"), { email: "o@acme.test", password })).toMatchObject({
      ok: true,
    });
    for (let i = 0; i < 12; i++)
      await signInToConsole.run(from(`198.51.100.${i}`), { email: "o@acme.test", password: "wrong-password" });
    expect(await signInToConsole.run(from("192.0.2.10"), { email: "o@acme.test", password })).toMatchObject({
      ok: true,
    });
  });

  it("forgets an address's failures on an account after a successful sign-in from it", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "support", { email: "o@acme.test" });
    for (let i = 0; i < 4; i++)
      await signInToConsole.run(from("192.0.2.7"), { email: "o@acme.test", password: "wrong-password" });
    expect(await signInToConsole.run(from("192.0.2.7"), { email: "o@acme.test", password })).toMatchObject({
      ok: true,
    });
    for (let i = 0; i < 4; i++)
      await signInToConsole.run(from("192.0.2.7"), { email: "o@acme.test", password: "wrong-password" });
    expect(await signInToConsole.run(from("192.0.2.7"), { email: "o@acme.test", password })).toMatchObject({
      ok: true,
    });
  });

  it("limits one address guessing across many accounts to twenty failures", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "support", { email: "o@acme.test" });
    const req = from("203.0.113.50");
    for (let i = 0; i < 20; i++)
      await signInToConsole.run(req, { email: `guess-${i}@acme.test`, password: "wrong-password" });
    expect(await signInToConsole.run(req, { email: "o@acme.test", password })).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
    });
    expect(await signInToConsole.run(from("203.0.113.51"), { email: "o@acme.test", password })).toMatchObject({
      ok: true,
    });
  });

  it("counts a registrant's failures per storefront", async () => {
    const acme = await createReseller();
    const nimbus = await createReseller();
    await createRegistrant(acme.id, { email: "jo@example.test" });
    const { password } = await createRegistrant(nimbus.id, { email: "jo@example.test" });
    for (let i = 0; i < 5; i++)
      await signInToStorefront.run(testRequest({ host: acme.host, clientAddress: "10.0.0.1" }), {
        email: "jo@example.test",
        password: "wrong-password",
      });
    expect(
      await signInToStorefront.run(testRequest({ host: acme.host, clientAddress: "10.0.0.1" }), {
        email: "jo@example.test",
        password: "x",
      }),
    ).toMatchObject({ code: "RATE_LIMITED" });
    expect(
      await signInToStorefront.run(testRequest({ host: nimbus.host, clientAddress: "10.0.0.1" }), {
        email: "jo@example.test",
        password,
      }),
    ).toMatchObject({ ok: true });
  });

  it("counts each checked failure once and refused attempts not at all", async () => {
    const acme = await createReseller();
    await createStaff(acme.id, "support", { email: "o@acme.test" });
    await Promise.all(
      Array.from({ length: 8 }, () =>
        signInToConsole.run(from("10.9.9.9"), { email: "o@acme.test", password: "nope-nope" }),
      ),
    );
    const buckets = await db.rateLimitBucket.findMany({ where: { key: "signin:addr:10.9.9.9" } });
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(5);
  });

  it("weighs the previous window's failures into the budget", async () => {
    const rule = { limit: 5, windowMs: 15 * 60_000 };
    const start = Date.UTC(2026, 0, 1, 10, 0, 0);
    for (let i = 0; i < 5; i++) expect(await reserveHit(db, "k", rule, new Date(start - 1000))).not.toBeNull();
    // Three minutes into the next window, four-fifths of the five still count: one more is allowed.
    const now = new Date(start + 3 * 60_000);
    expect(await reserveHit(db, "k", rule, now)).not.toBeNull();
    expect(await reserveHit(db, "k", rule, now)).toBeNull();
  });
});
