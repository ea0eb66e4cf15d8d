/**
 * Privacy on or off. The registrar's privacy service shows its own details in RDAP instead of the
 * registrant's; the registry keeps the same contact objects, so no registry command is sent.
 */
import type { ActorContext } from "@/server/context";
import { applyDomainChange, type ManageResult } from "./apply-change";
import { assertManageable, getDomainOrThrow } from "./get-domain-or-throw";

export async function setPrivacy(
  ctx: ActorContext,
  input: { domainId: string; enabled: boolean },
): Promise<ManageResult> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  assertManageable(domain, "change privacy");
  if (domain.privacy !== input.enabled) {
    await applyDomainChange(
      ctx,
      domain,
      input.enabled ? "domain.privacy.on" : "domain.privacy.off",
      { privacy: input.enabled },
      { before: { privacy: domain.privacy }, after: { privacy: input.enabled } },
    );
  }
  return {
    code: 0,
    message: input.enabled
      ? "Privacy is on: public lookups show our privacy service instead of your details."
      : "Privacy is off: public lookups show the registrant's details as the registry policy allows.",
  };
}
