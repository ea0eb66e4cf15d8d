/**
 * What the registry says of a name before a landrush application is paid for: the TLD must be in
 * landrush and the name free (the answer carries the landrush fee), and a name whose label is on the
 * Trademark Clearinghouse's list gets the claims notice the registrant must accept, the notice
 * checkout shows in the claims period (standards.md 1.9: the registry refuses a listed label's
 * create without it). The storefront shows the notice from here; the application checks the
 * acceptance against it.
 */
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { callRegistry, inRegistryModeOf } from "@/server/registry/access";
import { buildClaimsNotice, type ClaimsNoticeView } from "@/server/domains/checkout/claims-notice";

export type LandrushCheck = { phaseFeeUsd: number; notice: ClaimsNoticeView | null };

const tldOfName = (name: string) => name.split(".").slice(1).join(".");

export async function checkLandrushName(
  ctx: ActorContext,
  resellerId: string,
  name: string,
  years = 1,
): Promise<LandrushCheck> {
  return inRegistryModeOf(resellerId, async () => {
    const subject = { id: null, name, resellerId };
    const { data } = await callRegistry(ctx, subject, "checkDomains", { names: [name], years });
    const check = data[0];
    if (check?.phase !== "landrush")
      throw new AppError("INVALID_INPUT", `${tldOfName(name)} is not in landrush.`, {
        fields: { name: "Not in landrush" },
      });
    if (!check.available)
      throw new AppError("CONFLICT", `${name} is not available${check.reason ? `: ${check.reason}` : ""}.`, {
        fields: { name: "Not available" },
      });
    const fee = check.prices.create;
    if (!fee || fee.currency !== "USD") throw new AppError("REGISTRY_ERROR", "The registry gave no landrush fee.");
    const claims = await callRegistry(ctx, subject, "claimsCheck", { names: [name] });
    const claim = claims.data.find((c) => c.name.toLowerCase() === name);
    const notice = claim?.claim && claim.claimKey ? buildClaimsNotice(name, claim.claimKey) : null;
    return { phaseFeeUsd: fee.amount, notice };
  });
}
