// Identity: sessions, credentials, reset links and invitations never cross from one reseller to another.
import { expect } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import { createInvitation } from "@/server/auth/create-invitation";
import { resolveSession } from "@/server/auth/resolve-session";
import {
  requestStorefrontPasswordReset,
  resetStorefrontPassword,
  signInToStorefront,
} from "@/app/(storefront)/[host]/(auth)/actions";
import {
  changeRegistrantPassword,
  signOutRegistrantEverywhere,
  updateRegistrantProfile,
} from "@/app/(storefront)/[host]/account/actions";
import { changeResellerStaffPassword } from "@/app/(console)/(auth)/account/actions";
import { isolationCase } from "../harness";
import { startTestSession } from "../../../support/factories";
import { receivedText } from "../../../support/received-mail";

const newPassword = { newPassword: "brand-new-password", confirmPassword: "brand-new-password" };

async function resetTokenFor(email: string): Promise<string> {
  const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: email, kind: "password_reset" } });
  return /reset-password\/(\S+)/.exec(receivedText(mail))![1];
}

export const cases = [
  isolationCase({
    name: "A's registrant cannot sign in on B's storefront with A's credentials",
    setup: async () => null,
    attack: ({ a, b }) =>
      signInToStorefront.run(testRequest({ host: b.reseller.host }), {
        email: a.customer.registrant.email,
        password: a.customer.password,
      }),
    control: ({ a }) =>
      signInToStorefront.run(testRequest({ host: a.reseller.host }), {
        email: a.customer.registrant.email,
        password: a.customer.password,
      }),
    refusedWith: ["UNAUTHENTICATED"],
  }),
  isolationCase({
    name: "A's registrant session is worthless on B's storefront host",
    setup: async () => null,
    attack: async ({ a, b }) => {
      const claims = await startTestSession({
        kind: "registrant",
        sub: a.customer.registrant.id,
        resellerId: a.reseller.id,
        host: a.reseller.host,
        sv: 0,
      });
      const s = await resolveSession(claims, { area: "storefront", host: b.reseller.host });
      return s ? { ok: true } : { ok: false, code: "NOT_FOUND" };
    },
    control: async ({ b }) => {
      const claims = await startTestSession({
        kind: "registrant",
        sub: b.customer.registrant.id,
        resellerId: b.reseller.id,
        host: b.reseller.host,
        sv: 0,
      });
      return { ok: (await resolveSession(claims, { area: "storefront", host: b.reseller.host })) !== null };
    },
  }),
  isolationCase({
    name: "a reset link for B's registrant does not work on A's storefront",
    setup: async ({ b }) => {
      await requestStorefrontPasswordReset.run(testRequest({ host: b.reseller.host }), {
        email: b.customer.registrant.email,
      });
      return { token: await resetTokenFor(b.customer.registrant.email) };
    },
    attack: ({ a }, s) =>
      resetStorefrontPassword.run(testRequest({ host: a.reseller.host }), {
        token: s.token,
        password: "brand-new-password",
        confirmPassword: "brand-new-password",
      }),
    control: ({ b }, s) =>
      resetStorefrontPassword.run(testRequest({ host: b.reseller.host }), {
        token: s.token,
        password: "brand-new-password",
        confirmPassword: "brand-new-password",
      }),
  }),
  isolationCase({
    name: "A's owner cannot invite staff into B's console",
    setup: async () => null,
    attack: ({ a, b }) =>
      createInvitation(a.owner.ctx, { email: "mole@alpha.test", role: "admin", resellerId: b.reseller.id }),
    control: ({ b }) =>
      createInvitation(b.owner.ctx, { email: "hire@bravo.test", role: "admin", resellerId: b.reseller.id }),
    unchanged: async ({ b }) => expect(await db.invitation.count({ where: { resellerId: b.reseller.id } })).toBe(0),
  }),
  isolationCase({
    name: "A's registrant cannot change their profile through B's storefront",
    setup: async () => null,
    attack: ({ a, b }) =>
      updateRegistrantProfile.run(a.customer.ctx, { name: "Mallory" }, testRequest({ host: b.reseller.host })),
    control: ({ b }) =>
      updateRegistrantProfile.run(b.customer.ctx, { name: "Bob" }, testRequest({ host: b.reseller.host })),
  }),
  isolationCase({
    name: "A's registrant cannot change a password through B's storefront",
    setup: async () => null,
    attack: ({ a, b }) =>
      changeRegistrantPassword.run(
        a.customer.ctx,
        { currentPassword: a.customer.password, ...newPassword },
        testRequest({ host: b.reseller.host }),
      ),
    control: ({ b }) =>
      changeRegistrantPassword.run(
        b.customer.ctx,
        { currentPassword: b.customer.password, ...newPassword },
        testRequest({ host: b.reseller.host }),
      ),
  }),
  isolationCase({
    name: "A's registrant cannot sign out everywhere through B's storefront",
    setup: async () => null,
    attack: ({ a, b }) => signOutRegistrantEverywhere.run(a.customer.ctx, {}, testRequest({ host: b.reseller.host })),
    control: ({ b }) => signOutRegistrantEverywhere.run(b.customer.ctx, {}, testRequest({ host: b.reseller.host })),
  }),
  isolationCase({
    name: "a registrant cannot use a console staff action",
    setup: async () => null,
    attack: ({ a }) =>
      changeResellerStaffPassword.run(a.customer.ctx, { currentPassword: a.customer.password, ...newPassword }),
    control: ({ b }) =>
      changeResellerStaffPassword.run(b.owner.ctx, { currentPassword: b.owner.password, ...newPassword }),
  }),
];
