/**
 * A new verification link for a domain's registrant, asked from the domain's page (the registrant or
 * reseller staff). Limited per contact: one every few minutes and a handful a day, so the button
 * cannot be used to flood someone's mailbox.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { DAY_MS, platformNow } from "@/server/domains/lifecycle/clock";
import { getDomainOrThrow } from "@/server/domains/manage/get-domain-or-throw";
import { issueVerificationLink } from "./start/issue-link";
import { RESEND_GAP_MS, RESENDS_PER_DAY } from "./start/terms";

export async function resendVerificationLink(
  ctx: ActorContext,
  input: { domainId: string },
): Promise<{ message: string; code: number }> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  const contact = domain.registrantContactId
    ? await db.contact.findUnique({ where: { id: domain.registrantContactId } })
    : null;
  if (!contact) throw new AppError("CONFLICT", "This domain has no registrant contact to verify.");
  if (contact.verifiedAt) throw new AppError("CONFLICT", `${contact.email} is already verified.`);
  const now = platformNow();
  await db.$transaction(async (tx) => {
    // The row lock serialises two clicks, so the limits below count both.
    await tx.$executeRaw`select 1 from "Contact" where id = ${contact.id} for update`;
    const p = await tx.contactVerification.findUnique({ where: { contactId: contact.id } });
    if (p) {
      const wait = p.lastSentAt.getTime() + RESEND_GAP_MS - now.getTime();
      if (wait > 0)
        throw new AppError(
          "RATE_LIMITED",
          `A link was sent less than ${RESEND_GAP_MS / 60_000} minutes ago. Check the inbox (and spam folder) of ${contact.email}, or try again in ${Math.ceil(wait / 60_000)} minute(s).`,
        );
      const newWindow = now.getTime() - p.sendWindowStart.getTime() >= DAY_MS;
      if (!newWindow && p.sendsInWindow >= RESENDS_PER_DAY)
        throw new AppError("RATE_LIMITED", "Too many links were sent today. Try again tomorrow.");
      await tx.contactVerification.update({
        where: { contactId: contact.id },
        data: newWindow
          ? { lastSentAt: now, sendWindowStart: now, sendsInWindow: 1 }
          : { lastSentAt: now, sendsInWindow: { increment: 1 } },
      });
    } else {
      await tx.contactVerification.create({
        data: {
          contactId: contact.id,
          resellerId: contact.resellerId,
          startedAt: now,
          lastSentAt: now,
          sendWindowStart: now,
        },
      });
    }
    await issueVerificationLink(tx, contact, now, "resend");
    await recordAudit(tx, ctx, {
      action: "contact.verification_resent",
      entity: "contact",
      entityId: contact.id,
      resellerId: contact.resellerId,
      after: { domainId: domain.id, email: contact.email },
    });
  });
  return { code: 0, message: `A new verification link was sent to ${contact.email}.` };
}
