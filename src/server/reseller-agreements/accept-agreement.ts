/**
 * A reseller's owner accepts the agreement version in force, recorded with who and when and audited
 * on the reseller's chain. Only owners bind the company; only the version in force can be accepted.
 */
import { db } from "@/server/db";
import { assertCanWrite, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { currentAgreement } from "./agreement-status";

export async function acceptAgreement(ctx: ActorContext, input: { versionId: string }) {
  assertCanWrite(ctx);
  if (ctx.kind !== "user" || ctx.role !== "owner")
    throw new AppError("FORBIDDEN", "Only an owner can accept the reseller agreement for the company.");
  const current = await currentAgreement();
  if (!current || current.id !== input.versionId)
    throw new AppError("CONFLICT", "A newer version of the agreement has been published; read and accept that one.");
  const user = await db.user.findUniqueOrThrow({ where: { id: ctx.actorId }, select: { email: true } });
  return db.$transaction(async (tx) => {
    const existing = await tx.resellerAgreementAcceptance.findUnique({
      where: { resellerId_versionId: { resellerId: ctx.resellerId, versionId: current.id } },
    });
    if (existing) return existing;
    const acceptance = await tx.resellerAgreementAcceptance.create({
      data: {
        resellerId: ctx.resellerId,
        versionId: current.id,
        acceptedById: ctx.actorId,
        acceptedByEmail: user.email,
        acceptedAt: platformNow(),
      },
    });
    await recordAudit(tx, ctx, {
      action: "agreement.accept",
      entity: "reseller_agreement",
      entityId: current.id,
      after: { version: current.version, acceptedBy: user.email, acceptedAt: acceptance.acceptedAt },
    });
    return acceptance;
  });
}
