"use server";
/** Third parties ask the registrar to disclose registration data; their address is confirmed by link. */
import { definePublicAction } from "@/server/action-client";
import { disclosureRequestInput } from "@/server/data-requests/data-request-inputs";
import { submitDisclosureRequest } from "@/server/data-requests/submit-data-request";

export const requestDisclosure = definePublicAction({
  area: "console",
  input: disclosureRequestInput,
  handler: (req, i) => submitDisclosureRequest({ clientAddress: req.clientAddress, host: req.host }, i),
});
