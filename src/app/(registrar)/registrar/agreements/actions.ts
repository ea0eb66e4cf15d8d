"use server";
/** Publishing a reseller agreement version from the registrar console: registrar admins only. */
import { defineAction } from "@/server/action-client";
import { publishAgreementInput } from "@/server/reseller-agreements/agreement-inputs";
import { publishAgreement } from "@/server/reseller-agreements/publish-agreement";

export const publishResellerAgreement = defineAction({
  area: "registrar",
  roles: ["registrar_admin"],
  input: publishAgreementInput,
  handler: async (ctx, i) => {
    const v = await publishAgreement(ctx, i);
    return { id: v.id, version: v.version };
  },
});
