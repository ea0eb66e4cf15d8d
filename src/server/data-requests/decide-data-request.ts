/**
 * Registrar staff handle a confirmed request: acknowledge it (within 2 working days), then complete
 * or refuse it (within 30 days) with a reason the requester is mailed. Completing an access request
 * mails the requester that the export is ready for staff to send; a deletion runs the erasure; a
 * disclosure is the legitimate-interest review, and the registrant is told when data is disclosed.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { queueMail } from "@/server/mail/send-mail";
import { requireRegistrarAdmin } from "@/server/tenancy/guards";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { eraseRegistrant } from "./erase-registrant";
import { KIND_WORDS } from "./submit-data-request";

export async function decideDataRequest(
  ctx: ActorContext,
  input: { requestId: string; decision: "acknowledge" | "complete" | "refuse"; reason: string },
): Promise<{ message: string }> {
  requireRegistrarAdmin(ctx);
  const r = await db.dataRequest.findUnique({ where: { id: input.requestId } });
  if (!r) throw new AppError("NOT_FOUND", "We could not find that request.");
  if (r.status === "awaiting_confirmation")
    throw new AppError("CONFLICT", "The requester has not confirmed this request yet.");
  if (r.status === "completed" || r.status === "refused") throw new AppError("CONFLICT", "This request is answered.");
  if (input.decision !== "acknowledge" && input.reason.length < 5)
    throw new AppError("INVALID_INPUT", "Write the reason the requester is told.", {
      fields: { reason: "Write the reason the requester is told (at least 5 characters)." },
    });
  if (r.kind === "disclosure" && input.decision === "complete" && !r.registrantId)
    throw new AppError("CONFLICT", "The domain has no registrant account to disclose.");
  const now = platformNow();
  const erasure =
    r.kind === "deletion" && input.decision === "complete" && r.registrantId
      ? await eraseRegistrant(ctx, r.registrantId)
      : null;
  await db.$transaction(async (tx) => {
    const status =
      input.decision === "acknowledge" ? "acknowledged" : input.decision === "complete" ? "completed" : "refused";
    const claimed = await tx.dataRequest.updateMany({
      where: { id: r.id, status: r.status },
      data: {
        status,
        acknowledgedAt: r.acknowledgedAt ?? now,
        ...(input.decision === "acknowledge"
          ? {}
          : { answeredAt: now, decidedById: ctx.actorId, decisionReason: input.reason }),
      },
    });
    if (claimed.count === 0) throw new AppError("CONFLICT", "Someone else decided this request just now.");
    await recordAudit(tx, ctx, {
      action: `data_request.${input.decision}`,
      entity: "data_request",
      entityId: r.id,
      resellerId: null,
      after: { reference: r.reference, kind: r.kind, reason: input.reason, erasure },
    });
    const outcome =
      input.decision === "acknowledge"
        ? `We have received your request ${r.reference} for ${KIND_WORDS[r.kind]} and are working on it. We answer by ${r.answerBy?.toISOString().slice(0, 10) ?? "within 30 days"}.`
        : `${input.decision === "complete" ? "We have carried out" : "We have refused"} your request ${r.reference} for ${KIND_WORDS[r.kind]}.\n\n${input.reason}`;
    await queueMail(tx, {
      to: r.requesterEmail,
      subject: `Your request ${r.reference}`,
      text: outcome,
      kind: `data_request_${input.decision}`,
      resellerId: r.kind === "disclosure" ? null : r.resellerId,
    });
    if (r.kind === "disclosure" && input.decision === "complete" && r.registrantId) {
      const registrant = await tx.registrant.findUnique({ where: { id: r.registrantId } });
      if (registrant)
        await queueMail(tx, {
          to: registrant.email,
          subject: `Your registration data for ${r.domainName} was disclosed`,
          text: `After reviewing a request based on a legitimate interest, the registrar disclosed the registration data of ${r.domainName} to ${r.requesterOrganisation || r.requesterName}.\n\nReason: ${input.reason}`,
          kind: "data_request_disclosed",
          resellerId: r.resellerId,
        });
    }
  });
  return {
    message:
      input.decision === "acknowledge" ? "Acknowledged: the requester is told." : "Answered: the requester is told.",
  };
}
