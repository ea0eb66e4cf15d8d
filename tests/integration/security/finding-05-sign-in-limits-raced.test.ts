import { describe, expect, it, vi } from "vitest";
import { env } from "@/env";
import { testRequest } from "@/server/action-client";
import { signInToConsole } from "@/app/(console)/(auth)/actions";
import { createReseller, createStaff } from "../../support/factories";

const probe = vi.hoisted(() => ({ checks: 0, headers: new Headers() }));

// Counts real password checks; the hashing itself is unchanged.
vi.mock("@/server/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/auth/password")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      probe.checks += 1;
      return real.verifyPassword(hash, password);
    },
  };
});

// The live action reads the request's headers; here they are whatever the test says arrived.
vi.mock("next/headers", () => ({
  headers: async () => probe.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

const from = (clientAddress: string) => testRequest({ clientAddress });

describe("security finding 05: sign-in limits can be raced", () => {
  it("checks the password at most five times for twenty parallel wrong guesses", async () => {
    const acme = await createReseller();
    await createStaff(acme.id, "support", { email: "o@acme.test" });
    probe.checks = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        signInToConsole.run(from("198.51.100.66"), { email: "o@acme.test", password: "a-wrong-guess" }),
      ),
    );
    expect(probe.checks).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.code === "RATE_LIMITED").length).toBeGreaterThanOrEqual(15);
  });

  it("does not let a spoofed X-Forwarded-For reset the per-address count", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "support", { email: "o@acme.test" });
    // What the app sees: the client's forged entries, then the socket's peer appended last.
    const attempt = (spoof: string, email: string, pw: string) => {
      probe.headers = new Headers({ host: env().CONSOLE_HOST, "x-forwarded-for": `${spoof}, 198.51.100.77` });
      return signInToConsole(null, { email, password: pw });
    };
    for (let i = 0; i < 20; i++) {
      expect(await attempt(`10.0.${i}.1`, `guess-${i}@acme.test`, "a-wrong-guess")).toMatchObject({
        ok: false,
        code: "UNAUTHENTICATED",
      });
    }
    expect(await attempt("10.99.99.99", "o@acme.test", password)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });

  it("lets the owner sign in from their own address after an attacker's failed burst from another", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "support", { email: "o@acme.test" });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        signInToConsole.run(from("198.51.100.66"), { email: "o@acme.test", password: "a-wrong-guess" }),
      ),
    );
    expect(await signInToConsole.run(from("192.0.2.10"), { email: "o@acme.test", password })).toMatchObject({
      ok: true,
    });
  });

  it("lets the owner in from an address they used before even when guesses from many addresses spent the account's budget", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "support", { email: "o@acme.test" });
    expect(await signInToConsole.run(from("192.0.2.10"), { email: "o@acme.test", password })).toMatchObject({
      ok: true,
    });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        signInToConsole.run(from(`198.51.100.${i}`), { email: "o@acme.test", password: "a-wrong-guess" }),
      ),
    );
    expect(await signInToConsole.run(from("198.51.100.200"), { email: "o@acme.test", password })).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
    });
    expect(await signInToConsole.run(from("192.0.2.10"), { email: "o@acme.test", password })).toMatchObject({
      ok: true,
    });
  });
});
