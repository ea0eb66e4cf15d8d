/**
 * Issue 9: passkeys for storefront registrants (docs/decisions/120-registrant-passkeys.md). Real
 * authenticator answers from the software authenticator; the relying party is each storefront's host.
 */
import { describe, expect, it } from "vitest";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import { env } from "@/env";
import { systemContext } from "@/server/context";
import {
  signInToStorefront,
  startStorefrontSignInPasskey,
  verifyStorefrontSignInCode,
  verifyStorefrontSignInPasskey,
} from "@/app/(storefront)/[host]/(auth)/actions";
import {
  addRegistrantPasskey,
  confirmRegistrantIdentityWithPasskey,
  disableRegistrantTwoFactor,
  enableRegistrantTwoFactor,
  removeRegistrantPasskey,
  renameRegistrantPasskey,
  startRegistrantConfirmPasskey,
  startRegistrantPasskey,
} from "@/app/(storefront)/[host]/account/actions";
import { pendingRegistrantTotp } from "@/server/auth/registrant-second-factor/registrant-totp";
import { resolveSession } from "@/server/auth/resolve-session";
import { exportRegistrantData } from "@/server/data-requests/export-registrant-data";
import { eraseRegistrant } from "@/server/data-requests/erase-registrant";
import { createRegistrant, createReseller, startTestSession, totpCodeNow } from "../../support/factories";
import { SoftwareAuthenticator } from "../../support/software-authenticator";

const originOf = (host: string) => `${env().PUBLIC_SCHEME}://${host}`;

/** Jo, a customer of the storefront `slug`, with two-factor sign-in on. */
async function customer(slug: string, shop?: Awaited<ReturnType<typeof createReseller>>) {
  const store = shop ?? (await createReseller({ slug }));
  const c = await createRegistrant(store.id, { email: "jo@example.test" });
  const pending = await pendingRegistrantTotp({ id: c.registrant.id, email: c.registrant.email });
  if (!pending) throw new Error("already on");
  const on = await enableRegistrantTwoFactor.run(c.ctx, { code: totpCodeNow(pending.secret) });
  if (!on.ok) throw new Error(on.message);
  return { shop: store, ...c, secret: pending.secret, recoveryCodes: on.data.recoveryCodes };
}

type Customer = Awaited<ReturnType<typeof customer>>;

/** A request under a session of `c` on its storefront, signed in `minutesAgo`. */
async function sessionRequest(c: Customer, minutesAgo = 0) {
  const { sid } = await startTestSession({
    kind: "registrant",
    sub: c.registrant.id,
    resellerId: c.shop.id,
    host: c.shop.host,
    sv: 0,
  });
  if (minutesAgo) {
    const at = new Date(Date.now() - minutesAgo * 60_000);
    await db.session.update({ where: { id: sid }, data: { createdAt: at, reauthAt: at } });
  }
  return testRequest({ host: c.shop.host, sessionId: sid });
}

/** Adds a new software passkey through the account page's two actions. */
async function addPasskey(c: Customer, name = "Phone") {
  const authenticator = new SoftwareAuthenticator();
  const req = await sessionRequest(c);
  const options = await startRegistrantPasskey.run(c.ctx, {}, req);
  if (!options.ok) throw new Error(options.message);
  const added = await addRegistrantPasskey.run(
    c.ctx,
    { name, response: authenticator.attest(options.data, originOf(c.shop.host)) },
    req,
  );
  if (!added.ok) throw new Error(added.message);
  return { authenticator, passkeyId: added.data.passkeyId };
}

/** The password step on `c`'s storefront, then the passkey options of the code step. */
async function passkeyStep(c: Customer) {
  const req = testRequest({ host: c.shop.host });
  const signedIn = await signInToStorefront.run(req, { email: c.registrant.email, password: c.password });
  expect(signedIn).toEqual({ ok: true, data: { home: "/sign-in/code" } });
  return { req, options: await startStorefrontSignInPasskey.run(req, {}) };
}

function optionsOf(result: { ok: true; data: PublicKeyCredentialRequestOptionsJSON } | { ok: false; message: string }) {
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe("issue 9: passkeys for registrants", () => {
  it("adds a passkey on the storefront with its host as the relying party, beside TOTP only", async () => {
    const c = await customer("acme");
    const { authenticator, passkeyId } = await addPasskey(c, "Jo's phone");
    const row = await db.registrantPasskey.findUniqueOrThrow({ where: { id: passkeyId } });
    expect(row).toMatchObject({
      registrantId: c.registrant.id,
      resellerId: c.shop.id,
      credentialId: authenticator.id,
      rpId: "acme.localhost",
      name: "Jo's phone",
      counter: BigInt(0),
    });
    expect(await db.registrantWebAuthnChallenge.count()).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "passkey.add", entityId: c.registrant.id } })).toBe(1);
    // The staff tables are untouched.
    expect(await db.passkey.count()).toBe(0);

    const without = await createRegistrant(c.shop.id, { email: "no-totp@example.test" });
    const { sid } = await startTestSession({
      kind: "registrant",
      sub: without.registrant.id,
      resellerId: c.shop.id,
      host: c.shop.host,
      sv: 0,
    });
    expect(
      await startRegistrantPasskey.run(without.ctx, {}, testRequest({ host: c.shop.host, sessionId: sid })),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await startRegistrantPasskey.run(c.ctx, {}, await sessionRequest(c, 30))).toMatchObject({
      ok: false,
      code: "REAUTH_REQUIRED",
    });
  });

  it("signs in with password and passkey, moves the counter on, and refuses the same answer twice", async () => {
    const c = await customer("acme");
    const { authenticator } = await addPasskey(c);
    const { req, options } = await passkeyStep(c);
    expect(optionsOf(options).rpId).toBe("acme.localhost");
    expect(optionsOf(options).allowCredentials?.map((a) => a.id)).toEqual([authenticator.id]);
    expect(req.sessions).toEqual([]);

    const response = authenticator.assert(optionsOf(options), originOf(c.shop.host));
    expect(await verifyStorefrontSignInPasskey.run(req, { response })).toEqual({
      ok: true,
      data: { home: "/account" },
    });
    expect(req.sessions).toHaveLength(1);
    const signedIn = await resolveSession(req.sessions[0]!, { area: "storefront", host: c.shop.host });
    expect(signedIn?.ctx).toMatchObject({ kind: "registrant", actorId: c.registrant.id, resellerId: c.shop.id });
    const row = await db.registrantPasskey.findFirstOrThrow({ where: { registrantId: c.registrant.id } });
    expect(row.counter).toBe(BigInt(1));
    expect(row.lastUsedAt).not.toBeNull();

    const replay = await passkeyStep(c);
    expect(await verifyStorefrontSignInPasskey.run(replay.req, { response })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(replay.req.sessions).toEqual([]);
    // The code stays the other choice.
    expect(await verifyStorefrontSignInCode.run(replay.req, { code: totpCodeNow(c.secret, 1) })).toMatchObject({
      ok: true,
    });
  });

  it("never signs anyone in on another storefront with it", async () => {
    const acme = await customer("acme");
    const nimbus = await customer("nimbus");
    const { authenticator } = await addPasskey(acme);
    // Nimbus's Jo, the same person and email, has a passkey of her own there.
    await addPasskey(nimbus);

    // Acme's passkey answering Nimbus's challenge, even signed for Nimbus's host, is not Nimbus's.
    const there = await passkeyStep(nimbus);
    expect(optionsOf(there.options).allowCredentials?.map((a) => a.id)).not.toContain(authenticator.id);
    const forged = authenticator.assert(optionsOf(there.options), originOf(nimbus.shop.host));
    expect(await verifyStorefrontSignInPasskey.run(there.req, { response: forged })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(there.req.sessions).toEqual([]);

    // Acme's password step carried to Nimbus opens nothing, whatever the passkey says.
    const here = await passkeyStep(acme);
    const carried = testRequest({ host: nimbus.shop.host, challenge: here.req.challenge });
    expect(await startStorefrontSignInPasskey.run(carried, {})).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(
      await verifyStorefrontSignInPasskey.run(carried, {
        response: authenticator.assert(optionsOf(here.options), originOf(acme.shop.host)),
      }),
    ).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(carried.sessions).toEqual([]);
  });

  it("renames and removes only one's own passkeys, removal after a recent confirmation", async () => {
    const c = await customer("acme");
    const other = await customer("acme-other");
    const { authenticator, passkeyId } = await addPasskey(c);
    const { passkeyId: theirs } = await addPasskey(other);

    const req = await sessionRequest(c);
    expect(await renameRegistrantPasskey.run(c.ctx, { passkeyId, name: "Old phone" }, req)).toMatchObject({ ok: true });
    expect(await renameRegistrantPasskey.run(c.ctx, { passkeyId: theirs, name: "Mine" }, req)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await removeRegistrantPasskey.run(c.ctx, { passkeyId: theirs }, req)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });

    const stale = await sessionRequest(c, 30);
    expect(await removeRegistrantPasskey.run(c.ctx, { passkeyId }, stale)).toMatchObject({
      ok: false,
      code: "REAUTH_REQUIRED",
    });
    // "Confirm it's you" with the password and the passkey, then the removal goes through.
    const options = optionsOf(await startRegistrantConfirmPasskey.run(c.ctx, {}, stale));
    const confirmed = await confirmRegistrantIdentityWithPasskey.run(
      c.ctx,
      { password: c.password, response: authenticator.assert(options, originOf(c.shop.host)), next: "/account" },
      stale,
    );
    expect(confirmed).toEqual({ ok: true, data: { next: "/account" } });
    expect(await removeRegistrantPasskey.run(c.ctx, { passkeyId }, stale)).toEqual({
      ok: true,
      data: { removed: true },
    });
    expect(await db.registrantPasskey.findMany({ select: { id: true } })).toEqual([{ id: theirs }]);

    // With none left, the code step offers no passkey.
    const step = await passkeyStep(c);
    expect(step.options).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("turning two-factor sign-in off removes the passkeys with it", async () => {
    const c = await customer("acme");
    await addPasskey(c);
    const off = await disableRegistrantTwoFactor.run(
      c.ctx,
      { password: c.password, code: c.recoveryCodes[0] },
      await sessionRequest(c),
    );
    expect(off).toMatchObject({ ok: true });
    expect(await db.registrantPasskey.count()).toBe(0);
  });

  it("lists the passkeys in the data-subject export without their keys, and deletes them on erasure", async () => {
    const c = await customer("acme");
    const other = await customer("acme-other");
    await addPasskey(c, "Phone");
    await addPasskey(other);
    // An open ceremony too: its challenge goes with the erasure.
    await startRegistrantPasskey.run(c.ctx, {}, await sessionRequest(c));

    const exported = await exportRegistrantData(c.ctx, c.registrant.id);
    expect(exported.data.passkeys).toEqual([
      {
        name: "Phone",
        rpId: "acme.localhost",
        transports: ["internal"],
        createdAt: expect.any(Date),
        lastUsedAt: null,
      },
    ]);

    await eraseRegistrant(systemContext(c.shop.id), c.registrant.id);
    expect(await db.registrantPasskey.count({ where: { registrantId: c.registrant.id } })).toBe(0);
    expect(await db.registrantWebAuthnChallenge.count({ where: { registrantId: c.registrant.id } })).toBe(0);
    expect(await db.registrantPasskey.count({ where: { registrantId: other.registrant.id } })).toBe(1);
  });
});
