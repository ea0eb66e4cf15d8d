/**
 * Issue 9 (item "passkeys as a second choice", decision 109): "Confirm it's you" accepts the password
 * and a passkey in place of the code. The answer must be one of this account's passkeys, to a
 * challenge handed out for confirming (not one from sign-in), used once.
 */
import { describe, expect, it } from "vitest";
import { testRequest, type ActionRequest } from "@/server/action-client";
import { db } from "@/server/db";
import { env } from "@/env";
import { signInToConsole, startConsoleSignInPasskey } from "@/app/(console)/(auth)/actions";
import {
  addResellerStaffPasskey,
  confirmResellerStaffIdentityWithPasskey,
  startResellerStaffConfirmPasskey,
  startResellerStaffPasskey,
} from "@/app/(console)/(auth)/account/actions";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { createReseller, createStaff, enrolTotp, freshSessionRequest } from "../../support/factories";
import { SoftwareAuthenticator } from "../../support/software-authenticator";

const ORIGIN = `${env().PUBLIC_SCHEME}://${env().CONSOLE_HOST}`;

async function staffWithPasskey(email = "owner@acme.test") {
  const acme = await createReseller();
  const staff = await createStaff(acme.id, "owner", { email });
  await enrolTotp(staff.user.id);
  const authenticator = new SoftwareAuthenticator();
  const req = await freshSessionRequest(staff.ctx);
  const options = await startResellerStaffPasskey.run(staff.ctx, {}, req);
  if (!options.ok) throw new Error(options.message);
  const added = await addResellerStaffPasskey.run(
    staff.ctx,
    { name: "Laptop", response: authenticator.attest(options.data, ORIGIN) },
    req,
  );
  if (!added.ok) throw new Error(added.message);
  return { ...staff, authenticator };
}

type Staff = Awaited<ReturnType<typeof staffWithPasskey>>;

/** A session signed in half an hour ago: too old for a change that wants a recent confirmation. */
const staleSession = (staff: Staff) => freshSessionRequest(staff.ctx, { signedInMinutesAgo: 30 });

async function confirmOptions(staff: Staff, req: ActionRequest): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await startResellerStaffConfirmPasskey.run(staff.ctx, {}, req);
  if (!options.ok) throw new Error(options.message);
  return options.data;
}

const reauthAt = async (req: ActionRequest) =>
  (await db.session.findUniqueOrThrow({ where: { id: req.sessionId ?? "" } })).reauthAt.getTime();

describe("issue 9: a passkey confirms it's you", () => {
  it("confirms with the password and a passkey instead of a code, then allows the guarded change", async () => {
    const staff = await staffWithPasskey();
    const stale = await staleSession(staff);
    expect(await startResellerStaffPasskey.run(staff.ctx, {}, stale)).toMatchObject({
      ok: false,
      code: "REAUTH_REQUIRED",
    });

    const options = await confirmOptions(staff, stale);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([staff.authenticator.id]);
    expect(
      await confirmResellerStaffIdentityWithPasskey.run(
        staff.ctx,
        { password: staff.password, response: staff.authenticator.assert(options, ORIGIN), next: "/account/security" },
        stale,
      ),
    ).toEqual({ ok: true, data: { next: "/account/security" } });
    expect(await startResellerStaffPasskey.run(staff.ctx, {}, stale)).toMatchObject({ ok: true });
  });

  it("still wants the password: a wrong one with a good passkey answer confirms nothing", async () => {
    const staff = await staffWithPasskey();
    const stale = await staleSession(staff);
    const before = await reauthAt(stale);
    const options = await confirmOptions(staff, stale);
    expect(
      await confirmResellerStaffIdentityWithPasskey.run(
        staff.ctx,
        { password: "not-the-password", response: staff.authenticator.assert(options, ORIGIN) },
        stale,
      ),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT", fields: { password: expect.any(String) } });
    expect(await reauthAt(stale)).toBe(before);
  });

  it("refuses an answer to a sign-in challenge, a replayed answer, and another person's passkey", async () => {
    const staff = await staffWithPasskey();
    const stale = await staleSession(staff);
    const before = await reauthAt(stale);

    // A challenge the browser answered at sign-in is not one handed out for confirming.
    const signIn = testRequest({ clientAddress: "203.0.113.1" });
    await signInToConsole.run(signIn, { email: staff.user.email, password: staff.password });
    const signInOptions = await startConsoleSignInPasskey.run(signIn, {});
    if (!signInOptions.ok) throw new Error(signInOptions.message);
    const signInAnswer = staff.authenticator.assert(signInOptions.data, ORIGIN);
    expect(
      await confirmResellerStaffIdentityWithPasskey.run(
        staff.ctx,
        { password: staff.password, response: signInAnswer },
        stale,
      ),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT" });

    // Someone else's authenticator answering this account's challenge.
    const other = await staffWithPasskey("admin@acme.test");
    expect(
      await confirmResellerStaffIdentityWithPasskey.run(
        staff.ctx,
        { password: staff.password, response: other.authenticator.assert(await confirmOptions(staff, stale), ORIGIN) },
        stale,
      ),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await reauthAt(stale)).toBe(before);

    // A good answer works once.
    const answer = staff.authenticator.assert(await confirmOptions(staff, stale), ORIGIN);
    const confirm = () =>
      confirmResellerStaffIdentityWithPasskey.run(staff.ctx, { password: staff.password, response: answer }, stale);
    expect(await confirm()).toMatchObject({ ok: true });
    expect(await confirm()).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  });

  it("offers no passkey to an account without one", async () => {
    const acme = await createReseller();
    const staff = await createStaff(acme.id, "owner");
    await enrolTotp(staff.user.id);
    expect(
      await startResellerStaffConfirmPasskey.run(staff.ctx, {}, await freshSessionRequest(staff.ctx)),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await db.webAuthnChallenge.count()).toBe(0);
  });
});
