/**
 * Retries ran out. If a command that may have changed the outside world was sent and its outcome
 * is still unknown, the item is parked for a person (never refunded on a guess); if nothing was
 * ever in doubt, it fails and is refunded like any refusal.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { transitionItem } from "@/server/orders/transition-item";
import type { OrderItemState } from "@/generated/prisma/enums";
import type { ProvisionItem } from "../orders/provisioner";
import type { Claim } from "./claim-item";
import { endAttempt, updateOwnRun } from "./lease";
import { settleResult } from "./settle-result";

export async function endRetries(
  item: ProvisionItem,
  claim: Claim,
  uncertain: boolean,
  lastError: string,
): Promise<OrderItemState> {
  const tries = `${claim.attempt} attempt${claim.attempt === 1 ? "" : "s"}`;
  if (!uncertain) {
    const reason = `The registry could not be reached after ${tries}.`;
    return settleResult(item, { status: "failed", reason }, claim.token);
  }
  const parkedReason =
    `After ${tries} we still do not know whether the registry carried out the request for ${item.subject} ` +
    `(last error: ${lastError.slice(0, 300)}). Check the registry, then retry or resolve the item.`;
  await db.$transaction(async (tx) => {
    await updateOwnRun(tx, item.id, claim.token, {
      finishedAt: new Date(),
      leasedUntil: null,
      uncertain: true,
      parkedReason,
      lastError: lastError.slice(0, 500),
    });
    await endAttempt(tx, item.id, claim.token, "parked", { uncertain: true, error: lastError });
    await transitionItem(tx, item.id, "parked", parkedReason);
    await recordAudit(tx, systemContext(item.resellerId), {
      action: "order.item_parked",
      entity: "order_item",
      entityId: item.id,
      resellerId: item.resellerId,
      after: { subject: item.subject, kind: item.kind, attempts: claim.attempt, reason: parkedReason },
    });
  });
  return "parked";
}
