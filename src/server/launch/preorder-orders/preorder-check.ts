/**
 * What the registry says about a name before it can be pre-ordered: the TLD's phase now (a pre-order
 * is for a TLD not yet open to everyone) and, from the Clearinghouse's list, the claim on its label,
 * asked in the form that answers in any phase (RFC 8334 "trademark"), since the claims notice is
 * accepted when the pre-order is placed, before claims begins.
 */
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { callRegistry, inRegistryModeOf } from "@/server/registry/access";
import { buildClaimsNotice, type ClaimsNoticeView } from "@/server/domains/checkout/claims-notice";
import { isOpenPhase } from "@/server/launch/preorder/preorder-details";

export type PreorderCheck = { phase: string; claims: ClaimsNoticeView | null };

export async function checkPreorderName(ctx: ActorContext, resellerId: string, name: string): Promise<PreorderCheck> {
  const subject = { id: null, name, resellerId };
  return inRegistryModeOf(resellerId, async () => {
    const { data } = await callRegistry(ctx, subject, "checkDomains", { names: [name], years: 1 });
    const phase = data[0]?.phase ?? "open";
    if (isOpenPhase(phase))
      throw new AppError("CONFLICT", `.${name.split(".").slice(1).join(".")} is open: register ${name} now.`, {
        fields: { name: "Open now: search for it to register it" },
      });
    const { data: claims } = await callRegistry(ctx, subject, "claimsCheck", { names: [name], anyPhase: true });
    const claim = claims.find((c) => c.name.toLowerCase() === name);
    return { phase, claims: claim?.claim && claim.claimKey ? buildClaimsNotice(name, claim.claimKey) : null };
  });
}
