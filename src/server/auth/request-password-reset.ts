/**
 * Mails a one-hour reset link when the email has an account here; says nothing either way, so the
 * form cannot be used to discover accounts. Quietly limited to three mails per account per 15 minutes.
 */
import { env } from "@/env";
import { db } from "@/server/db";
import { queueMail } from "@/server/mail/send-mail";
import { isLimited, recordHit, type RateRule } from "./rate-limit";
import { RESET_TTL_MS, type ResetTarget } from "./password-reset-target";
import { baseUrlOf } from "./links";
import { newToken } from "./tokens";

const RESET_MAIL_RULE: RateRule = { limit: 3, windowMs: 15 * 60_000 };

async function findSubject(target: ResetTarget, email: string) {
  if (target.kind === "user") {
    const u = await db.user.findUnique({ where: { email }, select: { id: true, name: true, disabledAt: true } });
    return u && !u.disabledAt ? { ...u, resellerId: null } : null;
  }
  const r = await db.registrant.findUnique({
    where: { resellerId_email: { resellerId: target.resellerId, email } },
    select: { id: true, name: true, disabledAt: true, resellerId: true },
  });
  return r && !r.disabledAt ? r : null;
}

export async function requestPasswordReset(target: ResetTarget, email: string): Promise<void> {
  const subject = await findSubject(target, email);
  if (!subject) return;
  const key = `reset:${target.kind === "user" ? "user" : target.resellerId}:${email}`;
  if (await isLimited(db, key, RESET_MAIL_RULE)) return;
  const { token, tokenHash } = newToken();
  const host = target.kind === "user" ? env().CONSOLE_HOST : target.host;
  const link = `${baseUrlOf(host)}/reset-password/${token}`;
  const expiresAt = new Date(Date.now() + RESET_TTL_MS);
  await db.$transaction(async (tx) => {
    await recordHit(tx, key, RESET_MAIL_RULE);
    await tx.passwordResetToken.create({
      data: { subject: target.kind, subjectId: subject.id, tokenHash, expiresAt },
    });
    await queueMail(tx, {
      to: email,
      subject: "Reset your password",
      text: [
        `Hello ${subject.name},`,
        "",
        "Someone asked to reset the password of your account. If it was you, open this link within one hour:",
        link,
        "",
        "If it was not you, ignore this message: your password stays as it is.",
      ].join("\n"),
      kind: "password_reset",
      resellerId: subject.resellerId,
      secrets: [link],
      secretsUntil: expiresAt,
    });
  });
}
