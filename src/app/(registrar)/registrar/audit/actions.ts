"use server";
/** Proving the audit chain unbroken: a read, open to auditors as well as admins. */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { checkAuditChain } from "@/server/tenancy/check-audit-chain";

export const verifyChain = defineAction({
  area: "registrar",
  write: false,
  input: z.object({}),
  handler: async (ctx) => checkAuditChain(ctx),
});
