/** A registrant's landrush applications on this storefront, newest first, with the registry's word and the price. */
import type { ActorContext } from "@/server/context";
import { listOwnLaunchItems } from "../shared/list-own-launch-items";
import { landrushDetailsSchema } from "./landrush-details";

export async function listLandrushApplications(ctx: ActorContext, opts: { limit?: number } = {}) {
  const items = await listOwnLaunchItems(ctx, "landrush_application", opts.limit);
  return items.map(({ details, ...i }) => {
    const d = landrushDetailsSchema.safeParse(details);
    return {
      ...i,
      maxRetail: d.success ? d.data.maxRetail : null,
      applicationStatus: d.success ? (d.data.applicationStatus ?? null) : null,
      /** Known once the auction allocated the name: retailAmount is then what was charged. */
      cleared: d.success && d.data.clearingPriceUsd !== undefined,
    };
  });
}
