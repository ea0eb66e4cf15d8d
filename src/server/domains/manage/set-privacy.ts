/**
 * Privacy on or off. On, the registrar's proxy service takes the customer's place at the registry
 * (registrant and technical contact) and in public RDAP, with a relay address per domain that
 * forwards mail to the customer; off, the customer's own contact objects go back.
 */
import type { ActorContext } from "@/server/context";
import { applyDomainChange, type ManageResult } from "./apply-change";
import { assertManageable, getDomainOrThrow } from "./get-domain-or-throw";
import { placeProxy, removeProxy } from "./privacy-at-registry";

export async function setPrivacy(
  ctx: ActorContext,
  input: { domainId: string; enabled: boolean },
): Promise<ManageResult> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  assertManageable(domain, "change privacy");
  if (domain.privacy !== input.enabled) {
    // Registry first: the flag says what public lookups show, so it only changes once the registry agreed.
    if (input.enabled) await placeProxy(ctx, domain);
    else await removeProxy(ctx, domain);
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
      ? "Privacy is on: public lookups show our privacy service instead of your details, and mail to the address they show is forwarded to you."
      : "Privacy is off: public lookups show the registrant's details as the registry policy allows.",
  };
}
