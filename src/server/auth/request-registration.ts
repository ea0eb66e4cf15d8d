/**
 * The first step of opening a customer account: the form answers "check your mail" whether or not
 * the email already has an account here, so it cannot be used to discover customers. A new email
 * gets a link that finishes the sign-up (finish-registration.ts); an existing one gets a notice
 * pointing to sign-in and password reset. Both cost one password hash, so timing tells nothing
 * either, and both are quietly limited per email so the form cannot flood an inbox.
 */
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { queueMail } from "@/server/mail/send-mail";
import { baseUrlOf } from "./links";
import { hashPassword } from "./password";
import { reserveHit, type RateRule } from "./rate-limit";
import { encodeRegistration, REGISTRATION_TTL_SECONDS } from "./registration-token";

const REGISTRATION_MAIL_RULE: RateRule = { limit: 3, windowMs: 15 * 60_000 };

export type RegistrationStorefront = { resellerId: string; host: string; status: string; displayName: string };

export async function requestRegistration(
  storefront: RegistrationStorefront,
  input: { name: string; email: string; password: string },
): Promise<{ email: string }> {
  if (storefront.status !== "active")
    throw new AppError("RESELLER_SUSPENDED", "This store is not taking new customers at the moment.");
  const passwordHash = await hashPassword(input.password);
  const answer = { email: input.email };
  const existing = await db.registrant.findUnique({
    where: { resellerId_email: { resellerId: storefront.resellerId, email: input.email } },
    select: { name: true },
  });
  const base = baseUrlOf(storefront.host);
  await db.$transaction(async (tx) => {
    if (!(await reserveHit(tx, `register:${storefront.resellerId}:${input.email}`, REGISTRATION_MAIL_RULE))) return;
    if (existing) {
      await queueMail(tx, {
        to: input.email,
        subject: `You already have an account at ${storefront.displayName}`,
        text: [
          `Hello ${existing.name},`,
          "",
          `Someone (perhaps you) tried to open a new ${storefront.displayName} account with this email, which already has one. No new account was made.`,
          `To use your account, sign in: ${base}/sign-in`,
          `If you forgot your password, choose a new one: ${base}/forgot-password`,
          "",
          "If it was not you, ignore this message: nothing has changed.",
        ].join("\n"),
        kind: "registration_existing",
        resellerId: storefront.resellerId,
      });
      return;
    }
    const token = await encodeRegistration({
      resellerId: storefront.resellerId,
      email: input.email,
      name: input.name,
      passwordHash,
    });
    const link = `${base}/register/confirm/${token}`;
    const expiresAt = new Date(Date.now() + REGISTRATION_TTL_SECONDS * 1000);
    await queueMail(tx, {
      to: input.email,
      subject: `Confirm your email to open your ${storefront.displayName} account`,
      text: [
        `Hello ${input.name},`,
        "",
        `To finish opening your ${storefront.displayName} account, open this link within 24 hours and enter the password you chose:`,
        link,
        "",
        "If you did not ask for an account, ignore this message: no account is made without this link.",
      ].join("\n"),
      kind: "registration_confirm",
      resellerId: storefront.resellerId,
      secrets: [link],
      secretsUntil: expiresAt,
    });
  });
  return answer;
}
