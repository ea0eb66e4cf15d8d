"use server";
/** Health thresholds and findings from the registrar console: registrar admins write, auditors read (decision 115). */
import { defineAction } from "@/server/action-client";
import {
  acknowledgeFindingInput,
  clearOverrideInput,
  evaluateNowInput,
  setThresholdInput,
} from "@/server/reseller-health/health-inputs";
import { evaluateHealthNow } from "@/server/reseller-health/evaluate-now";
import { clearThresholdOverride, setThreshold } from "@/server/reseller-health/threshold-settings";
import { acknowledgeFinding } from "@/server/reseller-health/findings";

export const setHealthThreshold = defineAction({
  area: "registrar",
  roles: ["registrar_admin"],
  input: setThresholdInput,
  handler: (ctx, i) => setThreshold(ctx, i),
});

export const clearHealthThresholdOverride = defineAction({
  area: "registrar",
  roles: ["registrar_admin"],
  input: clearOverrideInput,
  handler: (ctx, i) => clearThresholdOverride(ctx, i),
});

export const acknowledgeHealthFinding = defineAction({
  area: "registrar",
  roles: ["registrar_admin"],
  input: acknowledgeFindingInput,
  handler: (ctx, i) => acknowledgeFinding(ctx, i),
});

export const evaluateHealthNowAsRegistrar = defineAction({
  area: "registrar",
  roles: ["registrar_admin"],
  input: evaluateNowInput,
  handler: (ctx, i) => evaluateHealthNow(ctx, i),
});
