/** Auto-renew on or off: ours to decide (the lifecycle sweep renews ahead of expiry when on). */
import type { ActorContext } from "@/server/context";
import { applyDomainChange, type ManageResult } from "./apply-change";
import { getDomainOrThrow } from "./get-domain-or-throw";

export async function setAutoRenew(
  ctx: ActorContext,
  input: { domainId: string; enabled: boolean },
): Promise<ManageResult> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  if (domain.autoRenew !== input.enabled) {
    await applyDomainChange(
      ctx,
      domain,
      input.enabled ? "domain.auto_renew.on" : "domain.auto_renew.off",
      { autoRenew: input.enabled },
      { before: { autoRenew: domain.autoRenew }, after: { autoRenew: input.enabled } },
    );
  }
  return {
    code: 0,
    message: input.enabled
      ? "Auto-renew is on: we renew this domain ahead of its expiry."
      : "Auto-renew is off: renew this domain yourself before it expires.",
  };
}
