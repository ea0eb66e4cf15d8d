"use server";
/**
 * A registrant pre-ordering a name in a TLD not open to everyone yet (checked before payment, then an
 * order paid on its payment page and held until the TLD opens), or asking to be told when it opens.
 */
import { z } from "zod";
import { launchApplicationAction } from "../_lib/launch-application-action";
import { defineAction } from "@/server/action-client";
import { placePreorder } from "@/server/launch/preorder-orders/place-preorder";
import { registerInterest } from "@/server/launch/interest/register-interest";

export const placeOwnPreorder = defineAction(
  launchApplicationAction({ claimsNoticeId: z.string().optional() }, (ctx, placing, preorder) =>
    placePreorder(ctx, { ...placing, preorder }),
  ),
);

export const followOwnLaunch = defineAction({
  area: "storefront",
  input: z.object({ subject: z.string().max(253) }),
  handler: async (ctx, { subject }) => {
    const { created } = await registerInterest(ctx, { resellerId: ctx.resellerId, interest: { subject } });
    return { created };
  },
});
