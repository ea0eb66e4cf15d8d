"use server";
/**
 * A registrant applying for a name in a TLD's sunrise with one of their marks or an SMD file: checked
 * before payment, then an order paid on the order's payment page that the engine sends to the registry.
 */
import { z } from "zod";
import { launchApplicationAction } from "../_lib/launch-application-action";
import { defineAction } from "@/server/action-client";
import { applySunrise } from "@/server/launch/apply/apply-sunrise";

export const applyOwnSunrise = defineAction(
  launchApplicationAction(
    { markId: z.string().optional(), smdFile: z.string().optional() },
    (ctx, placing, application) => applySunrise(ctx, { ...placing, application }),
  ),
);
