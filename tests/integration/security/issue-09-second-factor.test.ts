import { describe, expect, it } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import {
  confirmConsoleSignInTwoFactor,
  signInToConsole,
  verifyConsoleSignInCode,
} from "@/app/(console)/(auth)/actions";
import { disableRegistrarStaffTwoFactor, enableResellerStaffTwoFactor } from "@/app/(console)/(auth)/account/actions";
import { resolveSession } from "@/server/auth/resolve-session";
import { signInEnrolment } from "@/server/auth/second-factor/console-sign-in";
import { pendingTotpEnrolment } from "@/server/auth/second-factor/enrol-totp";
import { openSecret } from "@/server/crypto/sealed-secret";
import {
  createRegistrarStaff,
  createReseller,
  createStaff,
  enrolTotp,
  freshSessionRequest,
  totpCodeNow,
} from "../../support/factories";

const CODE_PAGE = { ok: true, data: { home: "/sign-in/code" } };
const ENROL_PAGE = { ok: true, data: { home: "/sign-in/two-factor-setup" } };

async function registrarAdminWithTotp() {
  const admin = await createRegistrarStaff("registrar_admin", { email: "admin@registrar.test" });
  return { ...admin, secret: await enrolTotp(admin.user.id) };
}

function passwordStep(req: ReturnType<typeof testRequest>, password: string) {
  return signInToConsole.run(req, { email: "admin@registrar.test", password });
}

describe("issue 9: a registrar admin cannot sign in without a second factor", () => {
  it("gives a registrar admin with the right password but no code no session", async () => {
    const { password } = await registrarAdminWithTotp();
    const req = testRequest();
    expect(await passwordStep(req, password)).toEqual(CODE_PAGE);
    expect(req.sessions).toEqual([]);
    expect(await db.session.count()).toBe(0);
    // The code step without the password's challenge (another browser) is refused too.
    expect(await verifyConsoleSignInCode.run(testRequest(), { code: "123456" })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
  });

  it("signs a registrar admin in with the right code, into the registrar console", async () => {
    const { user, password, secret } = await registrarAdminWithTotp();
    const req = testRequest();
    await passwordStep(req, password);
    expect(await verifyConsoleSignInCode.run(req, { code: totpCodeNow(secret) })).toEqual({
      ok: true,
      data: { home: "/registrar" },
    });
    expect(req.sessions).toEqual([{ kind: "user", sub: user.id, resellerId: null, sv: 0, sid: expect.any(String) }]);
    expect(req.challenges.at(-1)).toBeNull();
    const signedIn = await resolveSession(req.sessions[0]!, { area: "console" });
    expect(signedIn?.ctx).toMatchObject({ kind: "registrar", role: "registrar_admin" });
  });

  it("refuses a code that was already used, even in a fresh sign-in", async () => {
    const { password, secret } = await registrarAdminWithTotp();
    const code = totpCodeNow(secret);
    const first = testRequest();
    await passwordStep(first, password);
    expect(await verifyConsoleSignInCode.run(first, { code })).toMatchObject({ ok: true });

    const replay = testRequest({ clientAddress: "198.51.100.23" });
    await passwordStep(replay, password);
    expect(await verifyConsoleSignInCode.run(replay, { code })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fields: { code: expect.any(String) },
    });
    expect(replay.sessions).toEqual([]);
  });

  it("refuses a wrong code and a challenge whose contents were changed", async () => {
    const { password, secret } = await registrarAdminWithTotp();
    const other = await createRegistrarStaff("registrar_admin");
    const req = testRequest();
    await passwordStep(req, password);
    const wrong = totpCodeNow(secret) === "000000" ? "111111" : "000000";
    expect(await verifyConsoleSignInCode.run(req, { code: wrong })).toMatchObject({ ok: false, code: "INVALID_INPUT" });

    const [body, mac] = (req.challenge ?? "").split(".");
    const claims = JSON.parse(Buffer.from(body, "base64url").toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, sub: other.user.id })).toString("base64url")}.${mac}`;
    expect(
      await verifyConsoleSignInCode.run(testRequest({ challenge: forged }), { code: totpCodeNow(secret) }),
    ).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("counts wrong codes against the sign-in limits, so guessing codes stops after five", async () => {
    const { password, secret } = await registrarAdminWithTotp();
    const wrong = totpCodeNow(secret) === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      const req = testRequest({ clientAddress: "198.51.100.9" });
      await passwordStep(req, password);
      expect(await verifyConsoleSignInCode.run(req, { code: wrong })).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
      });
    }
    const req = testRequest({ clientAddress: "198.51.100.9" });
    expect(await passwordStep(req, password)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(req.sessions).toEqual([]);
  });

  it("sends a registrar admin without TOTP to enrolment and gives no session until a code confirms it", async () => {
    await createRegistrarStaff("registrar_admin", { email: "admin@registrar.test" });
    const { password } = await createRegistrarStaff("registrar_auditor", { email: "auditor@registrar.test" });
    const req = testRequest();
    expect(
      await signInToConsole.run(req, { email: "auditor@registrar.test", password, next: "/registrar/audit" }),
    ).toEqual(ENROL_PAGE);
    expect(req.sessions).toEqual([]);
    // The enrolment-only challenge is not a code challenge, and a wrong code does not let them in.
    expect(await verifyConsoleSignInCode.run(req, { code: "123456" })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    expect(await confirmConsoleSignInTwoFactor.run(req, { code: "12345" })).toMatchObject({ ok: false });
    expect(req.sessions).toEqual([]);
    expect(await db.session.count()).toBe(0);

    const setup = await signInEnrolment(req.challenge);
    expect(setup).toMatchObject({
      email: "auditor@registrar.test",
      uri: expect.stringMatching(/^otpauth:\/\/totp\/.*secret=/),
    });
    const done = await confirmConsoleSignInTwoFactor.run(req, { code: totpCodeNow(setup!.secret) });
    expect(done).toEqual({ ok: true, data: { home: "/registrar/audit", recoveryCodes: expect.any(Array) } });
    expect(req.sessions).toHaveLength(1);
  });

  it("accepts each recovery code once", async () => {
    const { password } = await createRegistrarStaff("registrar_admin", { email: "admin@registrar.test" });
    const enrol = testRequest();
    await passwordStep(enrol, password);
    const setup = await signInEnrolment(enrol.challenge);
    const done = await confirmConsoleSignInTwoFactor.run(enrol, { code: totpCodeNow(setup!.secret) });
    if (!done.ok) throw new Error(done.message);
    const codes = done.data.recoveryCodes;
    expect(new Set(codes).size).toBe(10);
    // Stored hashed: no code appears in the table.
    const stored = await db.recoveryCode.findMany();
    expect(stored.some((r) => codes.some((c) => r.codeHash.includes(c.replace("-", ""))))).toBe(false);

    const first = testRequest();
    await passwordStep(first, password);
    expect(await verifyConsoleSignInCode.run(first, { code: codes[3].toUpperCase() })).toMatchObject({ ok: true });
    expect(first.sessions).toHaveLength(1);

    const again = testRequest();
    await passwordStep(again, password);
    expect(await verifyConsoleSignInCode.run(again, { code: codes[3] })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(again.sessions).toEqual([]);
  });

  it("keeps the TOTP secret encrypted at rest", async () => {
    const { user, secret } = await registrarAdminWithTotp();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).not.toContain(secret);
    expect(openSecret(row.totpSecret ?? "")).toBe(secret);
  });

  it("turns the second factor off only with the password and a current code", async () => {
    const { ctx, password, secret, user } = await registrarAdminWithTotp();
    const req = await freshSessionRequest(ctx);
    expect(await disableRegistrarStaffTwoFactor.run(ctx, { password, code: "" }, req)).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(
      await disableRegistrarStaffTwoFactor.run(ctx, { password: "not-my-password", code: totpCodeNow(secret) }, req),
    ).toMatchObject({ ok: false, fields: { password: expect.any(String) } });
    expect(await disableRegistrarStaffTwoFactor.run(ctx, { password, code: totpCodeNow(secret) }, req)).toEqual({
      ok: true,
      data: { disabled: true },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      totpSecret: null,
      totpEnabledAt: null,
    });
    // A registrar admin is sent through set-up again at the next sign-in.
    expect(await passwordStep(testRequest(), password)).toEqual(ENROL_PAGE);
  });

  it("lets support staff turn a second factor on from their account page, after which sign-in asks for it", async () => {
    const acme = await createReseller();
    const { ctx, user, password } = await createStaff(acme.id, "support", { email: "s@acme.test" });
    const pending = await pendingTotpEnrolment(user.id);
    expect(await pendingTotpEnrolment(user.id)).toEqual(pending);
    const on = await enableResellerStaffTwoFactor.run(ctx, { code: totpCodeNow(pending!.secret) });
    expect(on).toMatchObject({ ok: true, data: { recoveryCodes: expect.any(Array) } });
    expect(await pendingTotpEnrolment(user.id)).toBeNull();
    expect(await signInToConsole.run(testRequest(), { email: "s@acme.test", password })).toEqual(CODE_PAGE);
  });
});
