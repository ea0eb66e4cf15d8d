/**
 * Erasure on a confirmed deletion request, keeping what the RAA requires for its retention period
 * (REGISTRANT_DATA_MAP says which and why): sessions, reset tokens and second factors are deleted,
 * contacts that no domain uses are deleted, and the account is anonymised and disabled. Contacts of
 * domains, orders, payments, registry records and sent notices stay (RAA 3.4: two years after
 * sponsorship ends).
 * A registrant who still holds active names keeps them: the names need their registrant data.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { platformNow } from "@/server/domains/lifecycle/clock";

export type Erasure = { sessions: number; contactsDeleted: number; contactsRetained: number; activeDomains: number };

export async function eraseRegistrant(ctx: ActorContext, registrantId: string): Promise<Erasure> {
  return db.$transaction(async (tx) => {
    const r = await tx.registrant.findUniqueOrThrow({ where: { id: registrantId } });
    const domains = await tx.domain.findMany({ where: { registrantId } });
    const used = new Set(
      (
        await tx.domain.findMany({
          where: { resellerId: r.resellerId },
          select: { registrantContactId: true, adminContactId: true, techContactId: true, billingContactId: true },
        })
      ).flatMap((d) => [d.registrantContactId, d.adminContactId, d.techContactId, d.billingContactId]),
    );
    const contacts = await tx.contact.findMany({ where: { registrantId }, select: { id: true } });
    const unused = contacts.filter((c) => !used.has(c.id)).map((c) => c.id);
    const changes = await tx.registrantChange.count({
      where: { OR: [{ priorContactId: { in: unused } }, { newContactId: { in: unused } }] },
    });
    // A contact named by a change of registrant is Transfer Policy evidence: kept like a domain's.
    const deletable = changes ? [] : unused;
    await tx.contact.deleteMany({ where: { id: { in: deletable } } });
    const sessions = await tx.session.deleteMany({ where: { registrantId } });
    await tx.passwordResetToken.deleteMany({ where: { subject: "registrant", subjectId: registrantId } });
    // The account can never sign in again, so its second factor is a credential with no use left.
    await tx.registrantTotp.deleteMany({ where: { registrantId } });
    await tx.registrantRecoveryCode.deleteMany({ where: { registrantId } });
    await tx.registrantPasskey.deleteMany({ where: { registrantId } });
    await tx.registrantWebAuthnChallenge.deleteMany({ where: { registrantId } });
    await tx.launchInterest.deleteMany({
      where: { resellerId: r.resellerId, OR: [{ registrantId }, { email: r.email }] },
    });
    await tx.registrant.update({
      where: { id: registrantId },
      data: {
        email: `erased-${registrantId}@invalid`,
        name: "Erased",
        passwordHash: "!",
        disabledAt: r.disabledAt ?? platformNow(),
        sessionVersion: { increment: 1 },
      },
    });
    const out = {
      sessions: sessions.count,
      contactsDeleted: deletable.length,
      contactsRetained: contacts.length - deletable.length,
      activeDomains: domains.filter((d) => ["active", "expired", "pending_transfer_out"].includes(d.state)).length,
    };
    await recordAudit(tx, ctx, {
      action: "registrant.erased",
      entity: "registrant",
      entityId: registrantId,
      resellerId: r.resellerId,
      after: out,
    });
    return out;
  });
}
