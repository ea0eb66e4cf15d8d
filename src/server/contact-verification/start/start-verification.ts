/**
 * Starts WAPS verification of a registrant contact that was just created (checkout, the account, a
 * copy made by a contact edit): the 15-day deadline on the platform clock and the first link by mail.
 * An address the same registrant already verified on another contact counts as verified (WAPS allows
 * reuse), and a copy of a contact still waiting keeps the earlier deadline, so editing a phone number
 * never buys more time.
 */
import { db } from "@/server/db";
import { platformNow, addDays } from "@/server/domains/lifecycle/clock";
import { issueVerificationLink } from "./issue-link";
import { VERIFY_DAYS } from "./terms";

export type StartOutcome = "verified_before" | "mailed" | "already_verified";

/** `copiedFrom`: the contact this one copies (a domain's own copy of a shared contact it edits). */
export async function startContactVerification(
  contactId: string,
  opts: { copiedFrom?: string | null } = {},
): Promise<StartOutcome> {
  const now = platformNow();
  const contact = await db.contact.findUniqueOrThrow({ where: { id: contactId } });
  if (contact.verifiedAt) return "already_verified";
  const sameAddress = { email: { equals: contact.email, mode: "insensitive" as const } };
  const related = [
    ...(contact.registrantId ? [{ resellerId: contact.resellerId, registrantId: contact.registrantId }] : []),
    ...(opts.copiedFrom ? [{ id: opts.copiedFrom }] : []),
  ];
  const siblings = related.length
    ? await db.contact.findMany({
        where: { id: { not: contact.id }, ...sameAddress, OR: related },
        select: { verifiedAt: true, verificationDeadline: true },
      })
    : [];
  const verified = siblings.find((s) => s.verifiedAt)?.verifiedAt;
  if (verified) {
    await db.contact.update({ where: { id: contact.id }, data: { verifiedAt: verified, verificationDeadline: null } });
    return "verified_before";
  }
  const earlier = siblings
    .map((s) => s.verificationDeadline)
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  const deadline = earlier ?? addDays(now, VERIFY_DAYS);
  await db.$transaction(async (tx) => {
    const row = await tx.contact.update({ where: { id: contact.id }, data: { verificationDeadline: deadline } });
    await tx.contactVerification.upsert({
      where: { contactId: contact.id },
      create: {
        contactId: contact.id,
        resellerId: contact.resellerId,
        startedAt: now,
        lastSentAt: now,
        sendWindowStart: now,
      },
      update: { startedAt: now, remindersSent: 0, lastSentAt: now, sendWindowStart: now, sendsInWindow: 1 },
    });
    await issueVerificationLink(tx, row, now, "first");
  });
  return "mailed";
}
