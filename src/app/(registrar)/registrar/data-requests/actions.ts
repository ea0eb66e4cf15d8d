"use server";
/** Answering data-subject and disclosure requests: registrar admins only (auditors read). */
import { defineAction } from "@/server/action-client";
import { decideDataRequestInput } from "@/server/data-requests/data-request-inputs";
import { decideDataRequest } from "@/server/data-requests/decide-data-request";

export const decideDataRequestAsRegistrar = defineAction({
  area: "registrar",
  roles: ["registrar_admin"] as const,
  input: decideDataRequestInput,
  handler: (ctx, i) => decideDataRequest(ctx, i),
});
