/**
 * Another registrar asked for this domain. The registrant (or reseller) approves it now or rejects it
 * with one of the Transfer Policy's denial reasons; without an answer the registry approves it after
 * 5 days and the poll processor marks the domain transferred away.
 */
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { callRegistry } from "@/server/registry/access";
import { applyDomainChange, type ManageResult } from "./apply-change";
import { getDomainOrThrow } from "./get-domain-or-throw";

export const DENIAL_REASONS = {
  fraud: "Evidence of fraud",
  dispute: "Reasonable dispute over the identity of the registrant",
  objection: "Express written objection from the registrant",
  nonpayment: "Non-payment for a previous or current registration period",
  recent_registration: "Within 60 days of the initial registration",
  recent_transfer: "Within 60 days of a previous transfer",
  legal: "UDRP, URS or court order in progress",
} as const;

export type DenialReason = keyof typeof DENIAL_REASONS;

export async function respondTransferOut(
  ctx: ActorContext,
  input: { domainId: string; decision: "approve" | "reject"; reason?: DenialReason },
): Promise<ManageResult> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  if (domain.state !== "pending_transfer_out")
    throw new AppError("CONFLICT", "There is no pending transfer for this domain.");
  if (input.decision === "reject" && !input.reason)
    throw new AppError("INVALID_INPUT", "Choose the reason for rejecting the transfer.", {
      fields: { reason: "Choose a reason." },
    });
  const op = input.decision;
  const command = { op, name: domain.name };
  const r = await callRegistry(ctx, domain, "transferDomain", command, {
    detail: { ...command, reason: input.reason },
  });
  if (op === "approve") {
    await applyDomainChange(
      ctx,
      domain,
      "domain.transfer_out.approve",
      { state: "transferred_away", pendingTransferDeadline: null, autoRenew: false },
      { before: { state: domain.state }, after: { state: "transferred_away" } },
    );
    return { code: r.code, message: `Transfer approved: the domain now belongs to the other registrar. ${r.words}` };
  }
  await applyDomainChange(
    ctx,
    domain,
    "domain.transfer_out.reject",
    { state: "active", pendingTransferDeadline: null },
    { before: { state: domain.state }, after: { state: "active", reason: input.reason } },
  );
  return { code: r.code, message: `Transfer rejected (${DENIAL_REASONS[input.reason ?? "objection"]}). ${r.words}` };
}
