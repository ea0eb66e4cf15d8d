"use server";
/** The public "become a reseller" application (console host only). */
import { definePublicAction } from "@/server/action-client";
import { systemContext } from "@/server/context";
import { applicationInput } from "@/server/tenancy/application-input";
import { submitResellerApplication } from "@/server/tenancy/submit-reseller-application";

export const submitApplication = definePublicAction({
  area: "console",
  input: applicationInput,
  handler: async (req, input) => {
    const application = await submitResellerApplication(systemContext(), input, { clientAddress: req.clientAddress });
    return { id: application.id };
  },
  redirectTo: () => "/apply?submitted=1",
});
