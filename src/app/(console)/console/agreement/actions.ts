"use server";
/** Accepting the reseller agreement from the console: owners only, as they bind the company. */
import { defineAction } from "@/server/action-client";
import { acceptAgreementInput } from "@/server/reseller-agreements/agreement-inputs";
import { acceptAgreement } from "@/server/reseller-agreements/accept-agreement";

export const acceptResellerAgreement = defineAction({
  area: "console",
  roles: ["owner"],
  input: acceptAgreementInput,
  // Accepting is what ends the read-only state an overdue version puts the console in.
  allowSuspended: true,
  handler: async (ctx, i) => {
    const a = await acceptAgreement(ctx, i);
    return { acceptedAt: a.acceptedAt.toISOString() };
  },
});
