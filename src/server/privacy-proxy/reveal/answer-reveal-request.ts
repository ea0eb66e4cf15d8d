/**
 * The registrant's answer to a reveal request about their name: agree or object, with their reasons,
 * until the answer time limit. Staff read it before deciding; the requester never sees it.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { getDomainOrThrow } from "@/server/domains/manage/get-domain-or-throw";
import { day } from "./reveal-clock";

const NOT_FOUND = "We could not find that request.";

export async function answerRevealRequest(
  ctx: ActorContext,
  input: { requestId: string; position: "consent" | "object"; answer: string },
): Promise<{ message: string }> {
  if (ctx.kind !== "registrant") throw new AppError("FORBIDDEN", "Only the registrant answers a reveal request.");
  const r = await db.revealRequest.findUnique({ where: { id: input.requestId } });
  if (!r) throw new AppError("NOT_FOUND", NOT_FOUND);
  // Another registrant's (or reseller's) name answers "not found", as the domain itself would.
  await getDomainOrThrow(ctx, r.domainId, { write: true });
  if (r.status !== "received" && r.status !== "acknowledged")
    throw new AppError("CONFLICT", "This request has been decided already.");
  if (r.registrantAnsweredAt) throw new AppError("CONFLICT", "You have answered this request already.");
  const now = platformNow();
  if (now > r.registrantAnswerBy)
    throw new AppError("CONFLICT", `The time to answer ended on ${day(r.registrantAnswerBy)}.`);
  if (input.position === "object" && input.answer.length < 5)
    throw new AppError("INVALID_INPUT", "Say why you object.", {
      fields: { answer: "Say why you object (at least 5 characters): the registrar weighs your reasons." },
    });
  await db.$transaction(async (tx) => {
    const claimed = await tx.revealRequest.updateMany({
      where: { id: r.id, registrantAnsweredAt: null, status: { in: ["received", "acknowledged"] } },
      data: { registrantAnsweredAt: now, registrantPosition: input.position, registrantAnswer: input.answer },
    });
    if (claimed.count === 0) throw new AppError("CONFLICT", "This request was answered or decided just now.");
    await recordAudit(tx, ctx, {
      action: "privacy.reveal.answered",
      entity: "reveal_request",
      entityId: r.id,
      resellerId: null,
      after: { reference: r.reference, position: input.position },
    });
    await recordAudit(tx, ctx, {
      action: "privacy.reveal.answered",
      entity: "domain",
      entityId: r.domainId,
      resellerId: r.resellerId,
      after: { reference: r.reference, position: input.position },
    });
  });
  return {
    message:
      input.position === "consent"
        ? `Thank you: you agreed to the disclosure. We decide by ${day(r.decideBy)} and tell you the outcome.`
        : `Thank you: your objection is recorded. We weigh it and decide by ${day(r.decideBy)}, and tell you the outcome.`,
  };
}
