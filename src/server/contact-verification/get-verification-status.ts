/**
 * The registrant's verification as a domain's page shows it: the address, verified or the deadline,
 * and whether this program has the domain on hold (and so why it is suspended).
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { getDomainOrThrow } from "@/server/domains/manage/get-domain-or-throw";
import { platformNow } from "@/server/domains/lifecycle/clock";

export type VerificationStatus =
  | { state: "none" }
  | { state: "verified"; email: string; verifiedAt: Date }
  | {
      state: "pending" | "overdue";
      email: string;
      deadline: Date | null;
      lastSentAt: Date | null;
      hold: { placedAt: Date } | null;
    };

export async function getVerificationStatus(ctx: ActorContext, domainId: string): Promise<VerificationStatus> {
  const domain = await getDomainOrThrow(ctx, domainId);
  const contact = domain.registrantContactId
    ? await db.contact.findUnique({ where: { id: domain.registrantContactId } })
    : null;
  if (!contact) return { state: "none" };
  if (contact.verifiedAt) return { state: "verified", email: contact.email, verifiedAt: contact.verifiedAt };
  const progress = await db.contactVerification.findUnique({ where: { contactId: contact.id } });
  const hold = await db.wapsHold.findFirst({
    where: { domainId, liftedAt: null },
    select: { placedAt: true },
  });
  const deadline = contact.verificationDeadline;
  return {
    state: deadline && deadline <= platformNow() ? "overdue" : "pending",
    email: contact.email,
    deadline,
    lastSentAt: progress?.lastSentAt ?? null,
    hold,
  };
}
