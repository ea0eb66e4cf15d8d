/**
 * Registrar staff handle a reveal request: acknowledge it, then disclose or refuse with a reason. A
 * disclosure waits until the registrant has answered or their time to answer has passed; it mails the
 * requester the registrant contact's data and tells the registrant to whom and why. A refusal mails
 * the requester the reason and tells the registrant their data stays private.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { queueMail } from "@/server/mail/send-mail";
import { requireRegistrarAdmin } from "@/server/tenancy/guards";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { day, REQUESTER_KIND_WORDS } from "./reveal-clock";
import { registrantAddressOf, registrantDetailsOf } from "./registrant-address";

type Decision = "acknowledge" | "disclose" | "refuse";

export async function decideRevealRequest(
  ctx: ActorContext,
  input: { requestId: string; decision: Decision; reason: string },
): Promise<{ message: string }> {
  requireRegistrarAdmin(ctx);
  const r = await db.revealRequest.findUnique({ where: { id: input.requestId } });
  if (!r) throw new AppError("NOT_FOUND", "We could not find that request.");
  if (r.status === "disclosed" || r.status === "refused") throw new AppError("CONFLICT", "This request is decided.");
  const now = platformNow();
  if (input.decision === "acknowledge" && r.acknowledgedAt)
    throw new AppError("CONFLICT", "This request is acknowledged already.");
  if (input.decision !== "acknowledge" && input.reason.length < 5)
    throw new AppError("INVALID_INPUT", "Write the reason the requester is told.", {
      fields: { reason: "Write the reason the requester is told (at least 5 characters)." },
    });
  if (input.decision === "disclose" && !r.registrantAnsweredAt && now <= r.registrantAnswerBy)
    throw new AppError(
      "CONFLICT",
      `The registrant may answer until ${day(r.registrantAnswerBy)}: disclose after that, or once they answer.`,
    );
  const domain = await db.domain.findUniqueOrThrow({ where: { id: r.domainId } });
  const details = input.decision === "disclose" ? await registrantDetailsOf(domain) : null;
  if (input.decision === "disclose" && !details)
    throw new AppError("CONFLICT", "The name has no registrant contact to disclose.");
  const registrant = input.decision === "acknowledge" ? null : await registrantAddressOf(domain);

  await db.$transaction(async (tx) => {
    const status =
      input.decision === "acknowledge" ? "acknowledged" : input.decision === "disclose" ? "disclosed" : "refused";
    const claimed = await tx.revealRequest.updateMany({
      where: { id: r.id, status: r.status },
      data: {
        status,
        acknowledgedAt: r.acknowledgedAt ?? now,
        ...(input.decision === "acknowledge"
          ? {}
          : { decidedAt: now, decidedById: ctx.actorId, decisionReason: input.reason }),
      },
    });
    if (claimed.count === 0) throw new AppError("CONFLICT", "Someone else decided this request just now.");
    await recordAudit(tx, ctx, {
      action: `privacy.reveal.${input.decision}`,
      entity: "reveal_request",
      entityId: r.id,
      resellerId: null,
      after: { reference: r.reference, reason: input.reason, registrantPosition: r.registrantPosition },
    });
    if (input.decision !== "acknowledge")
      await recordAudit(tx, ctx, {
        action: input.decision === "disclose" ? "privacy.reveal.disclosed" : "privacy.reveal.refused",
        entity: "domain",
        entityId: domain.id,
        resellerId: domain.resellerId,
        after: { reference: r.reference, requesterKind: r.requesterKind },
      });
    await queueMail(tx, {
      to: r.requesterEmail,
      subject: `Your request ${r.reference}`,
      text: requesterText(r.reference, r.domainName, input, details, r.decideBy),
      kind: `privacy_reveal_${input.decision}`,
      resellerId: null,
      // The registrant's data reaches the requester only; the copy the consoles show has it redacted.
      secrets: details ?? undefined,
      secretsUntil: details ? new Date(now.getTime() + 7 * 86_400_000) : undefined,
    });
    if (registrant)
      await queueMail(tx, {
        to: registrant,
        subject: `The request to reveal your details for ${domain.unicodeName}`,
        text:
          input.decision === "disclose"
            ? `We disclosed the registration data of ${domain.unicodeName} to ${REQUESTER_KIND_WORDS[r.requesterKind]}${r.requesterOrganisation ? ` (${r.requesterOrganisation})` : ""} (reference ${r.reference}).\n\nOur reason: ${input.reason}\n\nPublic lookups still show our privacy service.`
            : `We refused the request ${r.reference} to reveal your details for ${domain.unicodeName}: they stay private.\n\nOur reason: ${input.reason}`,
        kind: `privacy_reveal_outcome`,
        resellerId: domain.resellerId,
      });
  });
  return {
    message:
      input.decision === "acknowledge"
        ? "Acknowledged: the requester is told."
        : input.decision === "disclose"
          ? "Disclosed: the requester has the registrant's contact data, and the registrant is told."
          : "Refused: the requester and the registrant are told the reason.",
  };
}

function requesterText(
  reference: string,
  domainName: string,
  input: { decision: Decision; reason: string },
  details: string[] | null,
  decideBy: Date,
): string {
  if (input.decision === "acknowledge")
    return `We are reviewing your request ${reference} about ${domainName}. The registrant has been told and may answer; we decide by ${day(decideBy)}.`;
  if (input.decision === "refuse")
    return `We refused your request ${reference} to reveal the registrant of ${domainName}.\n\nOur reason: ${input.reason}`;
  return [
    `We accepted your request ${reference} and disclose the registrant of ${domainName}, for the purpose you stated only.`,
    "",
    ...(details ?? []),
    "",
    `Our reason: ${input.reason}`,
  ].join("\n");
}
