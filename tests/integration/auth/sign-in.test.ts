import { describe, expect, it } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import { signInToConsole, verifyConsoleSignInCode } from "@/app/(console)/(auth)/actions";
import { signInToStorefront } from "@/app/(storefront)/[host]/(auth)/actions";
import { decodeSession } from "@/server/auth/session-token";
import {
  createRegistrant,
  createRegistrarStaff,
  createReseller,
  createStaff,
  enrolTotp,
  totpCodeNow,
} from "../../support/factories";

const consoleReq = () => testRequest({ host: "localhost:3000" });

describe("console sign-in", () => {
  it("signs a reseller owner in after their code and sends them to the reseller console", async () => {
    const acme = await createReseller({ slug: "acme" });
    const { user, password } = await createStaff(acme.id, "owner", { email: "owner@acme.test" });
    const secret = await enrolTotp(user.id);
    const req = consoleReq();
    expect(await signInToConsole.run(req, { email: " Owner@Acme.test ", password })).toEqual({
      ok: true,
      data: { home: "/sign-in/code" },
    });
    expect(req.sessions).toEqual([]);
    expect(await verifyConsoleSignInCode.run(req, { code: totpCodeNow(secret) })).toEqual({
      ok: true,
      data: { home: "/console" },
    });
    expect(req.sessions).toEqual([{ kind: "user", sub: user.id, resellerId: acme.id, sv: 0, sid: expect.any(String) }]);
  });

  it("sends registrar staff to the registrar console", async () => {
    const { user, password } = await createRegistrarStaff("registrar_auditor", { email: "audit@registrar.test" });
    const secret = await enrolTotp(user.id);
    const req = consoleReq();
    await signInToConsole.run(req, { email: "audit@registrar.test", password });
    expect(await verifyConsoleSignInCode.run(req, { code: totpCodeNow(secret) })).toEqual({
      ok: true,
      data: { home: "/registrar" },
    });
  });

  it("signs support staff without a second factor straight in", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "support", { email: "s@acme.test" });
    const req = consoleReq();
    expect(await signInToConsole.run(req, { email: "s@acme.test", password })).toEqual({
      ok: true,
      data: { home: "/console" },
    });
    expect(req.sessions).toHaveLength(1);
  });

  it("follows a next path only inside the console the person belongs to", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "billing", { email: "o@acme.test" });
    const inside = await signInToConsole.run(consoleReq(), {
      email: "o@acme.test",
      password,
      next: "/console/branding",
    });
    expect(inside).toEqual({ ok: true, data: { home: "/console/branding" } });
    const outside = await signInToConsole.run(consoleReq(), {
      email: "o@acme.test",
      password,
      next: "//evil.test/console",
    });
    expect(outside).toEqual({ ok: true, data: { home: "/console" } });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const acme = await createReseller();
    await createStaff(acme.id, "owner", { email: "o@acme.test" });
    const wrong = await signInToConsole.run(consoleReq(), { email: "o@acme.test", password: "not-the-password" });
    const unknown = await signInToConsole.run(consoleReq(), {
      email: "nobody@acme.test",
      password: "not-the-password",
    });
    expect(wrong).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(unknown).toEqual({ ...wrong, values: { email: "nobody@acme.test" } });
  });

  it("keeps the typed email but never the password on failure", async () => {
    const result = await signInToConsole.run(consoleReq(), { email: "bad", password: "secret-thing" });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fields: { email: "Enter a valid email address." },
      values: { email: "bad" },
    });
    expect(JSON.stringify(result)).not.toContain("secret-thing");
  });

  it("is not offered on a storefront host", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "owner", { email: "o@acme.test" });
    const result = await signInToConsole.run(testRequest({ host: acme.host }), { email: "o@acme.test", password });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("issues a session token that decodes to the same claims", async () => {
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "support", { email: "a@acme.test" });
    const req = consoleReq();
    await signInToConsole.run(req, { email: "a@acme.test", password });
    const { encodeSession } = await import("@/server/auth/session-token");
    const claims = req.sessions[0]!;
    expect(await decodeSession(await encodeSession(claims))).toMatchObject(claims);
    expect(await decodeSession("not-a-token")).toBeNull();
  });
});

describe("storefront sign-in", () => {
  it("signs a registrant in on their own storefront, bound to its host", async () => {
    const acme = await createReseller({ slug: "acme" });
    const { registrant, password } = await createRegistrant(acme.id, { email: "jo@example.test" });
    const req = testRequest({ host: acme.host });
    const result = await signInToStorefront.run(req, { email: "jo@example.test", password });
    expect(result).toEqual({ ok: true, data: { home: "/account" } });
    expect(req.sessions).toEqual([
      { kind: "registrant", sub: registrant.id, resellerId: acme.id, host: acme.host, sv: 0, sid: expect.any(String) },
    ]);
  });

  it("refuses an Acme registrant's credentials at Nimbus until they register there", async () => {
    const acme = await createReseller({ slug: "acme" });
    const nimbus = await createReseller({ slug: "nimbus" });
    const { password } = await createRegistrant(acme.id, { email: "jo@example.test" });
    const atNimbus = await signInToStorefront.run(testRequest({ host: nimbus.host }), {
      email: "jo@example.test",
      password,
    });
    expect(atNimbus).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });

    const other = await createRegistrant(nimbus.id, { email: "jo@example.test", password: "a-different-secret" });
    const req = testRequest({ host: nimbus.host });
    expect(await signInToStorefront.run(req, { email: "jo@example.test", password })).toMatchObject({ ok: false });
    expect(
      await signInToStorefront.run(req, { email: "jo@example.test", password: "a-different-secret" }),
    ).toMatchObject({ ok: true });
    expect(req.sessions).toEqual([
      expect.objectContaining({ sub: other.registrant.id, resellerId: nimbus.id, host: nimbus.host }),
    ]);
  });

  it("says no storefront lives on an unknown host", async () => {
    const result = await signInToStorefront.run(testRequest({ host: "nowhere.localhost:3000" }), {
      email: "a@b.test",
      password: "x",
    });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND", message: "No storefront lives at this address." });
  });

  it("refuses a disabled registrant with the ordinary message", async () => {
    const acme = await createReseller();
    const { registrant, password } = await createRegistrant(acme.id, { email: "jo@example.test" });
    await db.registrant.update({ where: { id: registrant.id }, data: { disabledAt: new Date() } });
    const result = await signInToStorefront.run(testRequest({ host: acme.host }), {
      email: "jo@example.test",
      password,
    });
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});
