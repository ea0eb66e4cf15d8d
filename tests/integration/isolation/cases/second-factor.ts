// Second factor: a sign-in challenge, a set-up and a switch-off act only for the account they belong to.
import { expect } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import {
  signInToConsole,
  verifyConsoleSignInCode,
  confirmConsoleSignInTwoFactor,
} from "@/app/(console)/(auth)/actions";
import { disableResellerStaffTwoFactor, enableResellerStaffTwoFactor } from "@/app/(console)/(auth)/account/actions";
import { pendingTotpEnrolment } from "@/server/auth/second-factor/enrol-totp";
import { signInEnrolment } from "@/server/auth/second-factor/console-sign-in";
import { isolationCase, type Tenant } from "../harness";
import { enrolTotp, freshSessionRequest, totpCodeNow } from "../../../support/factories";

/** The challenge `of` got for their right password, rewritten to name `as` (the MAC no longer fits). */
async function challengeRenamed(of: Tenant, as: Tenant): Promise<string> {
  const req = testRequest();
  await signInToConsole.run(req, { email: of.owner.user.email, password: of.owner.password });
  const [body, mac] = (req.challenge ?? "").split(".");
  const claims = JSON.parse(Buffer.from(body, "base64url").toString());
  return `${Buffer.from(JSON.stringify({ ...claims, sub: as.owner.user.id, resellerId: as.reseller.id })).toString("base64url")}.${mac}`;
}

async function ownChallenge(t: Tenant): Promise<string | null> {
  const req = testRequest();
  await signInToConsole.run(req, { email: t.owner.user.email, password: t.owner.password });
  return req.challenge;
}

const enabled = async (t: Tenant) =>
  (await db.user.findUniqueOrThrow({ where: { id: t.owner.user.id } })).totpEnabledAt !== null;

export const cases = [
  isolationCase({
    name: "A's owner cannot turn their own sign-in challenge into a session as B's owner",
    setup: async ({ a, b }) => ({
      secretA: await enrolTotp(a.owner.user.id),
      secretB: await enrolTotp(b.owner.user.id),
    }),
    attack: async ({ a, b }, s) =>
      verifyConsoleSignInCode.run(testRequest({ challenge: await challengeRenamed(a, b) }), {
        code: totpCodeNow(s.secretB),
      }),
    control: async ({ b }, s) =>
      verifyConsoleSignInCode.run(testRequest({ challenge: await ownChallenge(b) }), { code: totpCodeNow(s.secretB) }),
    refusedWith: ["UNAUTHENTICATED"],
  }),
  isolationCase({
    name: "A's owner cannot finish B's owner's second-factor set-up at sign-in",
    setup: async ({ b }) => {
      const challenge = await ownChallenge(b);
      return { challenge, setup: await signInEnrolment(challenge) };
    },
    attack: async ({ a, b }, s) =>
      confirmConsoleSignInTwoFactor.run(testRequest({ challenge: await challengeRenamed(a, b) }), {
        code: totpCodeNow(s.setup!.secret),
      }),
    control: async (_t, s) =>
      confirmConsoleSignInTwoFactor.run(testRequest({ challenge: s.challenge }), {
        code: totpCodeNow(s.setup!.secret),
      }),
    refusedWith: ["UNAUTHENTICATED"],
    unchanged: async ({ b }) => expect(await enabled(b)).toBe(false),
  }),
  isolationCase({
    name: "A's owner cannot turn on a second factor for B's owner with B's pending secret",
    setup: async ({ b }) => ({ pending: await pendingTotpEnrolment(b.owner.user.id) }),
    attack: ({ a }, s) => enableResellerStaffTwoFactor.run(a.owner.ctx, { code: totpCodeNow(s.pending!.secret) }),
    control: ({ b }, s) => enableResellerStaffTwoFactor.run(b.owner.ctx, { code: totpCodeNow(s.pending!.secret) }),
    refusedWith: ["INVALID_INPUT", "CONFLICT"],
    unchanged: async ({ b }) => expect(await enabled(b)).toBe(false),
  }),
  isolationCase({
    name: "A's owner cannot turn off B's owner's second factor with B's password and code",
    setup: async ({ b }) => ({ secretB: await enrolTotp(b.owner.user.id) }),
    attack: async ({ a, b }, s) =>
      disableResellerStaffTwoFactor.run(
        a.owner.ctx,
        { password: b.owner.password, code: totpCodeNow(s.secretB) },
        await freshSessionRequest(a.owner.ctx),
      ),
    control: async ({ b }, s) =>
      disableResellerStaffTwoFactor.run(
        b.owner.ctx,
        { password: b.owner.password, code: totpCodeNow(s.secretB) },
        await freshSessionRequest(b.owner.ctx),
      ),
    refusedWith: ["INVALID_INPUT", "CONFLICT"],
  }),
];
