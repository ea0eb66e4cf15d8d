"use server";
/** Empties the reseller's API sandbox (what its test keys made) and restores its test money. Owners and admins. */
import { z } from "zod";
import { defineAction } from "@/server/action-client";
import { resetSandbox } from "@/server/sandbox/reset-sandbox";

export const resetSandboxAction = defineAction({
  area: "console",
  roles: ["owner", "admin"] as const,
  input: z.object({}),
  // Irreversible, like removing a member: it wants a recent sign-in.
  reauth: true,
  handler: async (ctx) => resetSandbox(ctx, ctx.resellerId),
});
