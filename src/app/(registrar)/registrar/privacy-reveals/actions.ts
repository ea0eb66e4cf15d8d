"use server";
/** Deciding reveal requests for names behind the privacy service: registrar admins only (auditors read). */
import { defineAction } from "@/server/action-client";
import { decideRevealRequestInput } from "@/server/privacy-proxy/reveal/reveal-inputs";
import { decideRevealRequest } from "@/server/privacy-proxy/reveal/decide-reveal-request";

export const decideRevealRequestAsRegistrar = defineAction({
  area: "registrar",
  roles: ["registrar_admin"] as const,
  input: decideRevealRequestInput,
  handler: (ctx, i) => decideRevealRequest(ctx, i),
});
