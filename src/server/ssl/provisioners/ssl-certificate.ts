/**
 * Provisioner for `ssl_issue` and `ssl_reissue`: makes the certificate request (once), then advances
 * it at the CA (advance-request.ts). Issued now → completed, the certificate recorded in the settle
 * transaction. DCV or the CA still working → `pending_registry`, and the poll job
 * (ssl/lifecycle/poll-requests.ts) finishes the item. Refused by the CA → failed and refunded.
 *
 * Uncertainty: a CA call whose answer was lost may have placed the order, so the attempt is uncertain
 * and, when retries run out, parked (never refunded on a guess). The next attempt asks the CA first:
 * with the CA order id recorded it reads that order; without it, placing again under the same
 * externalId returns the order the lost call made.
 */
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { ProvisionLater, type Provisioner, type ProvisionResult } from "@/server/orders/provisioner";
import { CaError } from "@/server/ssl/ca/port";
import { advanceRequest } from "@/server/ssl/requests/advance-request";
import { ensureRequest } from "@/server/ssl/requests/ensure-request";
import { recordIssued } from "@/server/ssl/requests/record-issued";

export const provisioner: Provisioner = async (job): Promise<ProvisionResult> => {
  const { item } = job;
  const requestId = await ensureRequest(item);
  let progress;
  try {
    progress = await advanceRequest(requestId);
  } catch (e) {
    if (e instanceof CaError)
      throw new ProvisionLater(`The certificate authority: ${e.message}`, {
        mayHaveTakenEffect: e.mayHaveTakenEffect,
        cause: e,
      });
    throw e;
  }
  if (progress.kind === "issued") {
    const { certificate } = progress;
    return {
      status: "completed",
      message: `Issued; valid until ${new Date(certificate.notAfter).toISOString().slice(0, 10)}.`,
      commit: async (tx) => void (await recordIssued(tx, requestId, certificate)),
    };
  }
  if (progress.kind === "waiting") return { status: "pending_registry", message: progress.message };
  const reason = progress.reason;
  return {
    status: "failed",
    reason,
    commit: async (tx) => {
      const request = await tx.certificateRequest.update({
        where: { id: requestId },
        data: { state: "rejected", rejectionReason: reason },
      });
      if (request.purpose === "issue")
        await tx.certificateSubscription.update({ where: { id: request.subscriptionId }, data: { state: "failed" } });
      await recordAudit(tx, systemContext(item.resellerId), {
        action: "ssl.request.rejected",
        entity: "certificateRequest",
        entityId: requestId,
        resellerId: item.resellerId,
        after: { reason, orderItemId: item.id },
      });
    },
  };
};
