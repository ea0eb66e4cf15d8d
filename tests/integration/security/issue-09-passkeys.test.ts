import { describe, expect, it } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import { env } from "@/env";
import {
  signInToConsole,
  startConsoleSignInPasskey,
  verifyConsoleSignInPasskey,
  verifyConsoleSignInCode,
} from "@/app/(console)/(auth)/actions";
import {
  addResellerStaffPasskey,
  disableResellerStaffTwoFactor,
  removeResellerStaffPasskey,
  renameResellerStaffPasskey,
  startResellerStaffPasskey,
} from "@/app/(console)/(auth)/account/actions";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { createReseller, createStaff, enrolTotp, freshSessionRequest, totpCodeNow } from "../../support/factories";
import { SoftwareAuthenticator } from "../../support/software-authenticator";

const ORIGIN = `${env().PUBLIC_SCHEME}://${env().CONSOLE_HOST}`;

async function staffWithTotp(email = "owner@acme.test") {
  const acme = await createReseller();
  const staff = await createStaff(acme.id, "owner", { email });
  return { ...staff, secret: await enrolTotp(staff.user.id) };
}

type Staff = Awaited<ReturnType<typeof staffWithTotp>>;

/** Registers a new software passkey on the account through the account page's two actions. */
async function addPasskey(staff: Staff, name = "Laptop", origin = ORIGIN) {
  const authenticator = new SoftwareAuthenticator();
  const req = await freshSessionRequest(staff.ctx);
  const options = await startResellerStaffPasskey.run(staff.ctx, {}, req);
  if (!options.ok) throw new Error(options.message);
  const added = await addResellerStaffPasskey.run(
    staff.ctx,
    { name, response: authenticator.attest(options.data, origin) },
    req,
  );
  return { authenticator, added };
}

/** The password step, then the passkey options of the code step. */
async function passkeyStep(staff: Staff, clientAddress = "203.0.113.1") {
  const req = testRequest({ clientAddress });
  expect(await signInToConsole.run(req, { email: staff.user.email, password: staff.password })).toEqual({
    ok: true,
    data: { home: "/sign-in/code" },
  });
  const options = await startConsoleSignInPasskey.run(req, {});
  return { req, options };
}

function optionsOf(result: { ok: true; data: PublicKeyCredentialRequestOptionsJSON } | { ok: false; message: string }) {
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe("issue 9: passkeys as a second choice of second factor", () => {
  it("registers a passkey from the account page and stores its key, counter and host", async () => {
    const staff = await staffWithTotp();
    const { authenticator, added } = await addPasskey(staff, "Work laptop");
    expect(added).toEqual({ ok: true, data: { passkeyId: expect.any(String) } });
    const row = await db.passkey.findFirstOrThrow({ where: { userId: staff.user.id } });
    expect(row).toMatchObject({
      credentialId: authenticator.id,
      name: "Work laptop",
      rpId: new URL(ORIGIN).hostname,
      counter: BigInt(0),
      transports: ["internal"],
    });
    expect(row.publicKey.length).toBeGreaterThan(60);
    // The challenge was used up by the answer.
    expect(await db.webAuthnChallenge.count()).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "passkey.add", entityId: staff.user.id } })).toBe(1);
  });

  it("registers several passkeys, and never the same authenticator twice", async () => {
    const staff = await staffWithTotp();
    await addPasskey(staff, "Laptop");
    const { authenticator } = await addPasskey(staff, "Phone");
    expect(await db.passkey.count({ where: { userId: staff.user.id } })).toBe(2);

    const req = await freshSessionRequest(staff.ctx);
    const options = await startResellerStaffPasskey.run(staff.ctx, {}, req);
    if (!options.ok) throw new Error(options.message);
    expect(options.data.excludeCredentials?.map((c) => c.id)).toContain(authenticator.id);
    expect(
      await addResellerStaffPasskey.run(
        staff.ctx,
        { name: "Phone again", response: authenticator.attest(options.data, ORIGIN) },
        req,
      ),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("adds passkeys only beside TOTP and only after a recent confirmation", async () => {
    const acme = await createReseller();
    const support = await createStaff(acme.id, "support");
    expect(await startResellerStaffPasskey.run(support.ctx, {}, await freshSessionRequest(support.ctx))).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });

    const staff = await staffWithTotp();
    const stale = await freshSessionRequest(staff.ctx, { signedInMinutesAgo: 30 });
    expect(await startResellerStaffPasskey.run(staff.ctx, {}, stale)).toMatchObject({
      ok: false,
      code: "REAUTH_REQUIRED",
    });
    expect(await db.webAuthnChallenge.count()).toBe(0);
  });

  it("refuses an attestation made for another origin, and its challenge cannot be tried again", async () => {
    const staff = await staffWithTotp();
    const authenticator = new SoftwareAuthenticator();
    const req = await freshSessionRequest(staff.ctx);
    const options = await startResellerStaffPasskey.run(staff.ctx, {}, req);
    if (!options.ok) throw new Error(options.message);
    expect(
      await addResellerStaffPasskey.run(
        staff.ctx,
        { name: "Evil", response: authenticator.attest(options.data, "http://evil.test") },
        req,
      ),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(
      await addResellerStaffPasskey.run(
        staff.ctx,
        { name: "Laptop", response: authenticator.attest(options.data, ORIGIN) },
        req,
      ),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db.passkey.count()).toBe(0);
  });

  it("signs in with a passkey instead of a code, and moves the counter on", async () => {
    const staff = await staffWithTotp();
    const { authenticator } = await addPasskey(staff);
    const { req, options } = await passkeyStep(staff);
    expect(optionsOf(options).allowCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
    expect(req.sessions).toEqual([]);

    const done = await verifyConsoleSignInPasskey.run(req, {
      response: authenticator.assert(optionsOf(options), ORIGIN),
    });
    expect(done).toEqual({ ok: true, data: { home: "/console" } });
    expect(req.sessions).toEqual([
      { kind: "user", sub: staff.user.id, resellerId: staff.ctx.resellerId, sv: 0, sid: expect.any(String) },
    ]);
    expect(req.challenges.at(-1)).toBeNull();
    const row = await db.passkey.findFirstOrThrow({ where: { userId: staff.user.id } });
    expect(row.counter).toBe(BigInt(1));
    expect(row.lastUsedAt).not.toBeNull();
    // The TOTP code still works as the other choice.
    const byCode = testRequest();
    await signInToConsole.run(byCode, { email: staff.user.email, password: staff.password });
    expect(await verifyConsoleSignInCode.run(byCode, { code: totpCodeNow(staff.secret) })).toMatchObject({ ok: true });
  });

  it("refuses a replayed assertion, and one whose counter did not move on", async () => {
    const staff = await staffWithTotp();
    const { authenticator } = await addPasskey(staff);
    const first = await passkeyStep(staff);
    const response = authenticator.assert(optionsOf(first.options), ORIGIN);
    expect(await verifyConsoleSignInPasskey.run(first.req, { response })).toMatchObject({ ok: true });

    // The same answer again, on a fresh sign-in with its own challenge.
    const replay = await passkeyStep(staff);
    expect(await verifyConsoleSignInPasskey.run(replay.req, { response })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(replay.req.sessions).toEqual([]);

    // A copy of the key answering the new challenge with an old counter (a cloned authenticator).
    const cloned = await passkeyStep(staff);
    const stale = authenticator.assert(optionsOf(cloned.options), ORIGIN, { counter: 1 });
    expect(await verifyConsoleSignInPasskey.run(cloned.req, { response: stale })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(cloned.req.sessions).toEqual([]);
  });

  it("refuses an assertion made on another origin or for another relying party", async () => {
    const staff = await staffWithTotp();
    const { authenticator } = await addPasskey(staff);
    const wrongOrigin = await passkeyStep(staff);
    expect(
      await verifyConsoleSignInPasskey.run(wrongOrigin.req, {
        response: authenticator.assert(optionsOf(wrongOrigin.options), "http://shop.example.test"),
      }),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT" });

    const wrongRp = await passkeyStep(staff);
    expect(
      await verifyConsoleSignInPasskey.run(wrongRp.req, {
        response: authenticator.assert(optionsOf(wrongRp.options), ORIGIN, { rpId: "shop.example.test" }),
      }),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(wrongOrigin.req.sessions).toEqual([]);
    expect(wrongRp.req.sessions).toEqual([]);
  });

  it("gives no passkey step without the password's challenge", async () => {
    const staff = await staffWithTotp();
    const { authenticator } = await addPasskey(staff);
    expect(await startConsoleSignInPasskey.run(testRequest(), {})).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    const { options } = await passkeyStep(staff);
    const elsewhere = testRequest();
    expect(
      await verifyConsoleSignInPasskey.run(elsewhere, { response: authenticator.assert(optionsOf(options), ORIGIN) }),
    ).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(elsewhere.sessions).toEqual([]);
  });

  it("names and removes passkeys; removal wants a recent confirmation, and a removed passkey no longer works", async () => {
    const staff = await staffWithTotp();
    const { authenticator: laptop, added } = await addPasskey(staff, "Laptop");
    await addPasskey(staff, "Phone");
    if (!added.ok) throw new Error(added.message);
    const passkeyId = added.data.passkeyId;

    expect(await renameResellerStaffPasskey.run(staff.ctx, { passkeyId, name: "Old laptop" })).toMatchObject({
      ok: true,
    });
    expect(await db.passkey.findUniqueOrThrow({ where: { id: passkeyId } })).toMatchObject({ name: "Old laptop" });

    const stale = await freshSessionRequest(staff.ctx, { signedInMinutesAgo: 30 });
    expect(await removeResellerStaffPasskey.run(staff.ctx, { passkeyId }, stale)).toMatchObject({
      ok: false,
      code: "REAUTH_REQUIRED",
    });
    expect(
      await removeResellerStaffPasskey.run(staff.ctx, { passkeyId }, await freshSessionRequest(staff.ctx)),
    ).toEqual({ ok: true, data: { removed: true } });

    const { req, options } = await passkeyStep(staff);
    expect(optionsOf(options).allowCredentials).toHaveLength(1);
    expect(
      await verifyConsoleSignInPasskey.run(req, { response: laptop.assert(optionsOf(options), ORIGIN) }),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(req.sessions).toEqual([]);
  });

  it("keeps each person's passkeys their own", async () => {
    const mine = await staffWithTotp("me@acme.test");
    const theirs = await staffWithTotp("them@other.test");
    const { added } = await addPasskey(theirs);
    if (!added.ok) throw new Error(added.message);
    const passkeyId = added.data.passkeyId;
    expect(await renameResellerStaffPasskey.run(mine.ctx, { passkeyId, name: "Mine now" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(
      await removeResellerStaffPasskey.run(mine.ctx, { passkeyId }, await freshSessionRequest(mine.ctx)),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.passkey.count({ where: { id: passkeyId } })).toBe(1);

    // Their authenticator cannot answer my sign-in either.
    const other = new SoftwareAuthenticator();
    await addPasskey(mine);
    const { req, options } = await passkeyStep(mine);
    expect(
      await verifyConsoleSignInPasskey.run(req, { response: other.assert(optionsOf(options), ORIGIN) }),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  });

  it("removes the passkeys when two-factor sign-in is turned off", async () => {
    const staff = await staffWithTotp();
    await addPasskey(staff);
    const req = await freshSessionRequest(staff.ctx);
    expect(
      await disableResellerStaffTwoFactor.run(
        staff.ctx,
        { password: staff.password, code: totpCodeNow(staff.secret) },
        req,
      ),
    ).toMatchObject({ ok: true });
    expect(await db.passkey.count({ where: { userId: staff.user.id } })).toBe(0);
  });
});
