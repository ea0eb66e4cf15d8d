/**
 * A party's answer on the confirmation page. Declining ends the change for both; confirming records
 * this party's confirmation (the prior registrant may opt out of the transfer lock here), and the
 * second confirmation applies the change at the registry (complete-registrant-change).
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { completeRegistrantChange } from "./complete-registrant-change";
import { findRegistrantChangeByToken, newContactOf } from "./find-registrant-change";
import { queueOutcomeMails } from "./registrant-change-mail";

export type AnswerInput = { id: string; token: string; decision: "confirm" | "decline"; lockOptOut?: boolean };

export async function answerRegistrantChange(
  resellerId: string,
  input: AnswerInput,
): Promise<{ message: string; completed: boolean }> {
  const { change, party } = await findRegistrantChangeByToken(resellerId, input.id, input.token);
  if (change.status !== "pending")
    throw new AppError("CONFLICT", `This change of registrant is already ${change.status}.`);
  const now = new Date();
  if (change.expiresAt <= now) {
    await db.registrantChange.updateMany({ where: { id: change.id, status: "pending" }, data: { status: "expired" } });
    throw new AppError(
      "CONFLICT",
      `This confirmation link expired on ${change.expiresAt.toISOString().slice(0, 10)}. Nothing was changed; ask for the change again.`,
    );
  }
  const ctx = systemContext(change.resellerId);
  const domain = await db.domain.findUniqueOrThrow({
    where: { id: change.domainId },
    select: { id: true, unicodeName: true },
  });
  const next = newContactOf(change.newContact);

  if (input.decision === "decline") {
    await db.$transaction(async (tx) => {
      const ended = await tx.registrantChange.updateMany({
        where: { id: change.id, status: "pending", applyingAt: null },
        data: { status: "cancelled", endedBy: party },
      });
      if (ended.count === 0)
        throw new AppError("CONFLICT", "This change is being applied and can no longer be declined.");
      await recordAudit(tx, ctx, {
        action: "domain.registrant_change.declined",
        entity: "domain",
        entityId: domain.id,
        resellerId: change.resellerId,
        after: { changeId: change.id, by: party },
      });
      await queueOutcomeMails(tx, {
        resellerId: change.resellerId,
        domainName: domain.unicodeName,
        to: [change.priorEmail, next.email],
        subject: `Change of registrant of ${domain.unicodeName} declined`,
        text: `The ${party === "prior" ? "current" : "new"} registrant declined the change of registrant of ${domain.unicodeName}. Nothing was changed.`,
      });
    });
    return {
      message: "You declined the change. Nothing was changed, and both parties have been told.",
      completed: false,
    };
  }

  const confirmed =
    party === "prior"
      ? { priorConfirmedAt: change.priorConfirmedAt ?? now, lockOptOut: input.lockOptOut ?? change.lockOptOut }
      : { newConfirmedAt: change.newConfirmedAt ?? now };
  await db.$transaction(async (tx) => {
    await tx.registrantChange.update({ where: { id: change.id }, data: confirmed });
    await recordAudit(tx, ctx, {
      action: "domain.registrant_change.confirmed",
      entity: "domain",
      entityId: domain.id,
      resellerId: change.resellerId,
      after: {
        changeId: change.id,
        by: party,
        ...("lockOptOut" in confirmed ? { lockOptOut: confirmed.lockOptOut } : {}),
      },
    });
  });
  const fresh = await db.registrantChange.findUniqueOrThrow({ where: { id: change.id } });
  if (!fresh.priorConfirmedAt || !fresh.newConfirmedAt) {
    return {
      message: `Thank you: your confirmation is recorded. The change is made when the ${party === "prior" ? "new" : "current"} registrant confirms too.`,
      completed: false,
    };
  }
  const done = await completeRegistrantChange(change.id);
  return { message: done.message, completed: true };
}
