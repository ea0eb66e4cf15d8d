import { describe, expect, it } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import { requestConsolePasswordReset, resetConsolePassword, signInToConsole } from "@/app/(console)/(auth)/actions";
import {
  requestStorefrontPasswordReset,
  resetStorefrontPassword,
  signInToStorefront,
} from "@/app/(storefront)/[host]/(auth)/actions";
import { resolveSession } from "@/server/auth/resolve-session";
import { createRegistrant, createReseller, createStaff, startTestSession } from "../../support/factories";
import { receivedText } from "../../support/received-mail";

async function linkFromOutbox(to: string): Promise<{ url: URL; token: string }> {
  const mail = await db.outboxMail.findFirstOrThrow({
    where: { toAddress: to, kind: "password_reset" },
    orderBy: { createdAt: "desc" },
  });
  const url = new URL(/https?:\/\/\S+/.exec(receivedText(mail))![0]);
  return { url, token: url.pathname.split("/").pop()! };
}

describe("password reset", () => {
  it("works end to end for a console user and ends their old sessions", async () => {
    const acme = await createReseller();
    const { user } = await createStaff(acme.id, "owner", { email: "o@acme.test" });
    const before = await startTestSession({ kind: "user", sub: user.id, resellerId: acme.id, sv: 0 });
    expect(await resolveSession(before, { area: "console" })).not.toBeNull();

    expect(await requestConsolePasswordReset.run(testRequest(), { email: "o@acme.test" })).toEqual({
      ok: true,
      data: { email: "o@acme.test" },
    });
    const { url, token } = await linkFromOutbox("o@acme.test");
    expect(url.host).toBe("localhost:3000");
    expect(url.pathname).toBe(`/reset-password/${token}`);
    const stored = await db.passwordResetToken.findFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    const reset = await resetConsolePassword.run(testRequest(), {
      token,
      password: "a-brand-new-pass",
      confirmPassword: "a-brand-new-pass",
    });
    expect(reset).toEqual({ ok: true, data: { done: true } });
    expect(await resolveSession(before, { area: "console" })).toBeNull();
    expect(
      await signInToConsole.run(testRequest(), { email: "o@acme.test", password: "a-brand-new-pass" }),
    ).toMatchObject({ ok: true });

    const again = await resetConsolePassword.run(testRequest(), {
      token,
      password: "another-new-pass",
      confirmPassword: "another-new-pass",
    });
    expect(again).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const result = await requestConsolePasswordReset.run(testRequest(), { email: "ghost@acme.test" });
    expect(result).toEqual({ ok: true, data: { email: "ghost@acme.test" } });
    expect(await db.outboxMail.count()).toBe(0);
  });

  it("refuses an expired link", async () => {
    const acme = await createReseller();
    await createStaff(acme.id, "owner", { email: "o@acme.test" });
    await requestConsolePasswordReset.run(testRequest(), { email: "o@acme.test" });
    const { token } = await linkFromOutbox("o@acme.test");
    await db.passwordResetToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const result = await resetConsolePassword.run(testRequest(), {
      token,
      password: "a-brand-new-pass",
      confirmPassword: "a-brand-new-pass",
    });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("shows field errors for a short or mismatched new password", async () => {
    const result = await resetConsolePassword.run(testRequest(), {
      token: "t",
      password: "short",
      confirmPassword: "other",
    });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fields: { password: "Use at least 10 characters.", confirmPassword: "The two passwords do not match." },
    });
  });

  it("mails a registrant a link on their own storefront host that works only there", async () => {
    const acme = await createReseller({ slug: "acme" });
    const nimbus = await createReseller({ slug: "nimbus" });
    await createRegistrant(acme.id, { email: "jo@example.test" });
    await requestStorefrontPasswordReset.run(testRequest({ host: acme.host }), { email: "jo@example.test" });
    const { url, token } = await linkFromOutbox("jo@example.test");
    expect(url.host).toBe(acme.host);
    const input = { token, password: "a-brand-new-pass", confirmPassword: "a-brand-new-pass" };

    expect(await resetStorefrontPassword.run(testRequest({ host: nimbus.host }), input)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await resetConsolePassword.run(testRequest(), input)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await resetStorefrontPassword.run(testRequest({ host: acme.host }), input)).toMatchObject({ ok: true });
    const signIn = await signInToStorefront.run(testRequest({ host: acme.host }), {
      email: "jo@example.test",
      password: "a-brand-new-pass",
    });
    expect(signIn).toMatchObject({ ok: true });
  });

  it("sends at most three reset mails per account in fifteen minutes", async () => {
    const acme = await createReseller();
    await createStaff(acme.id, "owner", { email: "o@acme.test" });
    for (let i = 0; i < 5; i++) await requestConsolePasswordReset.run(testRequest(), { email: "o@acme.test" });
    expect(await db.outboxMail.count({ where: { toAddress: "o@acme.test" } })).toBe(3);
  });
});
