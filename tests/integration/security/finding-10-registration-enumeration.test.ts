import { describe, expect, it } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import {
  finishStorefrontRegistration,
  registerOnStorefront,
  signInToStorefront,
} from "@/app/(storefront)/[host]/(auth)/actions";
import { createRegistrant, createReseller } from "../../support/factories";
import { receivedText } from "../../support/received-mail";

const form = (email: string, password = "a-long-password-1") => ({
  name: "Jane Doe",
  email,
  password,
  confirmPassword: password,
});

async function confirmationToken(to: string): Promise<string> {
  const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: to, kind: "registration_confirm" } });
  return /\/register\/confirm\/(\S+)/.exec(receivedText(mail))![1];
}

describe("security finding 10: registration says whether an email already has an account", () => {
  it("answers a new and an existing email with the same words, and signs neither in", async () => {
    const acme = await createReseller();
    await createRegistrant(acme.id, { email: "taken@example.test" });
    const fresh = testRequest({ host: acme.host });
    const taken = testRequest({ host: acme.host });
    const a = await registerOnStorefront.run(fresh, form("new@example.test"));
    const b = await registerOnStorefront.run(taken, form("taken@example.test"));
    expect(a).toEqual({ ok: true, data: { email: "new@example.test" } });
    expect(b).toEqual({ ok: true, data: { email: "taken@example.test" } });
    expect(fresh.sessions).toEqual([]);
    expect(taken.sessions).toEqual([]);
    expect(await db.registrant.count({ where: { resellerId: acme.id } })).toBe(1);
  });

  it("sends the existing account a notice with no link that acts for its holder", async () => {
    const acme = await createReseller();
    await createRegistrant(acme.id, { email: "taken@example.test" });
    await registerOnStorefront.run(
      testRequest({ host: acme.host }),
      form("taken@example.test", "the-attackers-password"),
    );
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: "taken@example.test" } });
    expect(mail.kind).toBe("registration_existing");
    expect(receivedText(mail)).toMatch(/already has one/);
    expect(receivedText(mail)).not.toMatch(/register\/confirm/);
    expect(
      await signInToStorefront.run(testRequest({ host: acme.host }), {
        email: "taken@example.test",
        password: "the-attackers-password",
      }),
    ).toMatchObject({ ok: false });
  });

  it("opens the account from the mailed link with the chosen password, once", async () => {
    const acme = await createReseller();
    await registerOnStorefront.run(testRequest({ host: acme.host }), form("new@example.test"));
    const token = await confirmationToken("new@example.test");
    const wrong = await finishStorefrontRegistration.run(testRequest({ host: acme.host }), {
      token,
      password: "not-the-password",
    });
    expect(wrong).toMatchObject({ ok: false, code: "INVALID_INPUT" });

    const req = testRequest({ host: acme.host });
    expect(await finishStorefrontRegistration.run(req, { token, password: "a-long-password-1" })).toEqual({
      ok: true,
      data: { home: "/account" },
    });
    expect(req.sessions).toHaveLength(1);
    expect(
      await db.registrant.findFirstOrThrow({ where: { resellerId: acme.id, email: "new@example.test" } }),
    ).toMatchObject({ name: "Jane Doe" });

    expect(
      await finishStorefrontRegistration.run(testRequest({ host: acme.host }), {
        token,
        password: "a-long-password-1",
      }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("refuses the link on another storefront and refuses a tampered link", async () => {
    const acme = await createReseller();
    const nimbus = await createReseller();
    await registerOnStorefront.run(testRequest({ host: acme.host }), form("new@example.test"));
    const token = await confirmationToken("new@example.test");
    expect(
      await finishStorefrontRegistration.run(testRequest({ host: nimbus.host }), {
        token,
        password: "a-long-password-1",
      }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const tampered = `${token.slice(0, -4)}AAAA`;
    expect(
      await finishStorefrontRegistration.run(testRequest({ host: acme.host }), {
        token: tampered,
        password: "a-long-password-1",
      }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.registrant.count()).toBe(0);
  });

  it("keeps the link out of the mail the consoles show", async () => {
    const acme = await createReseller();
    await registerOnStorefront.run(testRequest({ host: acme.host }), form("new@example.test"));
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: "new@example.test" } });
    expect(mail.textBody).not.toMatch(/register\/confirm/);
  });
});
