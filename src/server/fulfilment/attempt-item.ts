/**
 * One attempt at one order item, the same for every kind and every path (DESIGN §5): claim under a
 * fenced lease, run the kind's provisioner, then settle (completed, waiting for the registry, or
 * failed and refunded), schedule a retry with backoff, or, when retries run out with the outcome
 * unknown, park the item for a person.
 */
import { systemContext, type ActorContext } from "@/server/context";
import { EppError, RegistryTransportError } from "@/server/registry";
import { getRegistry, inRegistryModeOf, recordingRouter } from "@/server/registry/access";
import { describeRegistryResult } from "@/server/domains/manage/registry-words";
import { refundItem } from "@/server/orders/refund-item";
import type { OrderItemState } from "@/generated/prisma/enums";
import { ProvisionLater, type ProvisionItem, type ProvisionResult } from "../orders/provisioner";
import { PROVISIONERS } from "./provisioner-table";
import { claimItem, type Claim, type DispatchMode } from "./claim-item";
import { loadItem } from "./load-item";
import { LeaseLost } from "./lease";
import { endRetries } from "./park-item";
import { scheduleRetry } from "./schedule-retry";
import { releaseAfterError } from "./release-after-error";
import { settleResult } from "./settle-result";
import { notifyIfOrderFinished } from "../orders/notify-order-finished";
import { engineSettings } from "./settings";
import { trackingRouter } from "./tracking-router";
import { timeStep } from "./step-times";

export type AttemptOutcome =
  | { kind: "settled"; state: OrderItemState; message: string; code: number | null }
  | { kind: "retry"; message: string; code: number | null }
  | { kind: "parked" }
  | { kind: "busy" }
  | { kind: "missing" }
  | { kind: "idle"; state: OrderItemState };

function isTransient(e: unknown): e is Error {
  return e instanceof RegistryTransportError || e instanceof ProvisionLater || (e instanceof EppError && e.retryable);
}

const codeOf = (e: unknown) => (e instanceof EppError ? e.code : null);

export async function attemptItem(itemId: string, mode: DispatchMode, actor?: ActorContext): Promise<AttemptOutcome> {
  const item = await timeStep("load", () => loadItem(itemId));
  if (!item) return { kind: "missing" };
  // A refund that failed after the item failed, or that the payment provider did not confirm, is
  // finished here; refundItem never posts or pays twice. The registrant's mail waited for it.
  if (item.state === "failed" || item.state === "refunding") {
    await refundItem(itemId, item.failureReason ?? "refunded");
    await notifyIfOrderFinished(item.orderId);
    return { kind: "settled", state: "refunded", message: item.failureReason ?? "Refunded.", code: null };
  }
  if (item.state !== "paid" && item.state !== "provisioning") return { kind: "idle", state: item.state };
  const settings = engineSettings();
  const claim = await timeStep("claim", () => claimItem(item, mode, settings.leaseMs));
  if (!claim) return { kind: "busy" };
  // What a failure of our own leaves for the next attempt; the claim marked the run uncertain.
  const known = { uncertain: true };
  try {
    // A sandbox reseller's items go to the sandbox registry, whoever runs them (decision 100).
    return await inRegistryModeOf(item.resellerId, () =>
      provisionAndSettle(item, claim, settings.maxAttempts, actor ?? systemContext(item.resellerId), known),
    );
  } catch (e) {
    if (e instanceof LeaseLost) return { kind: "busy" };
    // Our own fault (a bug, the database, a settle that could not be written): the item is given
    // back now, and an inline attempt gets a job of its own (decision 142). If even that cannot be
    // written, the lease runs out and the stalled-items sweep finds the item.
    await releaseAfterError(item, claim, { uncertain: known.uncertain, error: e }).catch(() => {});
    throw e;
  }
}

async function provisionAndSettle(
  item: ProvisionItem,
  claim: Claim,
  maxAttempts: number,
  actor: ActorContext,
  known: { uncertain: boolean },
): Promise<AttemptOutcome> {
  if (claim.attempt > maxAttempts) {
    // Earlier runners died mid-attempt this many times: stop here rather than try forever.
    const state = await endRetries(item, claim, claim.wasUncertain, "the runner stopped before finishing");
    return state === "parked" ? { kind: "parked" } : { kind: "settled", state, message: "", code: null };
  }
  const provision = PROVISIONERS[item.kind];
  let result: ProvisionResult;
  let code: number | null = null;
  const recorded = recordingRouter(await getRegistry(), {
    resellerId: item.resellerId,
    actor,
    orderItemId: item.id,
    domainName: item.subject,
  });
  const tracked = trackingRouter(recorded);
  if (!provision) {
    result = { status: "failed", reason: `We cannot fulfil ${item.kind.replaceAll("_", " ")} items yet.` };
  } else {
    try {
      result = await timeStep("provision", () =>
        provision({
          item: { ...item, state: "provisioning" },
          attempt: claim.attempt,
          uncertain: claim.wasUncertain,
          startedAt: claim.startedAt,
          registry: tracked.router,
        }),
      );
      code = 1000;
    } catch (e) {
      const uncertain =
        claim.wasUncertain || tracked.sentChange() || (e instanceof ProvisionLater && e.mayHaveTakenEffect);
      if (e instanceof EppError && !e.retryable) {
        result = { status: "failed", reason: describeRegistryResult(e.code, e.eppMessage) };
        code = e.code;
      } else if (isTransient(e)) {
        if (claim.attempt >= maxAttempts) {
          const state = await endRetries(item, claim, uncertain, e.message);
          return state === "parked" ? { kind: "parked" } : { kind: "settled", state, message: "", code: codeOf(e) };
        }
        await scheduleRetry(item, claim, { uncertain, error: e.message });
        return { kind: "retry", message: e.message, code: codeOf(e) };
      } else {
        // Our own fault: attemptItem gives the item back with what we know of the registry.
        known.uncertain = uncertain;
        throw e;
      }
    }
  }
  const state = await timeStep("settle+notify", () => settleResult(item, result, claim.token));
  const message = result.status === "failed" ? result.reason : result.message;
  return { kind: "settled", state, message, code: result.status === "failed" ? code : (code ?? 1000) };
}
