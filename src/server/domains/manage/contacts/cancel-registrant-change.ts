/** Withdraws a change of registrant that is still waiting for confirmation; its links stop working. */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { ManageResult } from "../apply-change";
import { getDomainOrThrow } from "../get-domain-or-throw";

export async function cancelRegistrantChange(ctx: ActorContext, input: { domainId: string }): Promise<ManageResult> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  return db.$transaction(async (tx) => {
    const pending = await tx.registrantChange.findFirst({
      where: { domainId: domain.id, status: "pending" },
      select: { id: true },
    });
    if (!pending) throw new AppError("CONFLICT", "There is no change of registrant waiting for confirmation.");
    const ended = await tx.registrantChange.updateMany({
      where: { id: pending.id, status: "pending", applyingAt: null },
      data: { status: "cancelled", endedBy: "requester" },
    });
    if (ended.count === 0)
      throw new AppError(
        "CONFLICT",
        "Both parties confirmed and the change is being applied; it can no longer be cancelled.",
      );
    await recordAudit(tx, ctx, {
      action: "domain.registrant_change.cancelled",
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
      after: { changeId: pending.id },
    });
    return { code: 0, message: "The change of registrant was cancelled; its confirmation links no longer work." };
  });
}
