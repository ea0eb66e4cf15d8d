"use server";
/**
 * A registrant applying for a name in a TLD's landrush with a maximum bid: checked before payment,
 * then an order paid at the maximum on the order's payment page; the difference is refunded when the
 * registry's auction clears lower.
 */
import { z } from "zod";
import { launchApplicationAction } from "../_lib/launch-application-action";
import { defineAction } from "@/server/action-client";
import { applyLandrush } from "@/server/launch/apply/apply-landrush";

export const applyOwnLandrush = defineAction(
  launchApplicationAction({ maxBid: z.string(), claimsNoticeId: z.string().optional() }, (ctx, placing, application) =>
    applyLandrush(ctx, { ...placing, application }),
  ),
);
