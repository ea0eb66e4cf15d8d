"use server";
/**
 * Console staff's own account: password and "sign out everywhere". Reseller staff and registrar staff
 * are different areas, so each action exists once per area with the same handler.
 */
import { defineAction, type ActionRequest } from "@/server/action-client";
import { changePassword } from "@/server/auth/change-password";
import { signOutEverywhere } from "@/server/auth/end-sessions";
import { changePasswordSchema } from "@/server/auth/form-schemas";
import type { ActorContext } from "@/server/context";
import { z } from "zod";

type Staff = Extract<ActorContext, { kind: "user" | "registrar" }>;

async function changeOwnPassword(ctx: Staff, input: z.output<typeof changePasswordSchema>, req: ActionRequest) {
  const { sessionVersion } = await changePassword(ctx, input);
  // This session carries on with the new version; every other one ends.
  await req.setSession({ kind: "user", sub: ctx.actorId, resellerId: ctx.resellerId, sv: sessionVersion });
  return { changed: true };
}

async function endAllSessions(ctx: Staff, _input: unknown, req: ActionRequest) {
  await signOutEverywhere(ctx);
  await req.clearSession();
  return { signedOut: true };
}

// Changing one's own password stays possible while a reseller is suspended, and for auditors.
const ownAccount = { write: false, allowSuspended: true } as const;

export const changeResellerStaffPassword = defineAction({ area: "console", input: changePasswordSchema, ...ownAccount, handler: changeOwnPassword });
export const changeRegistrarStaffPassword = defineAction({ area: "registrar", input: changePasswordSchema, ...ownAccount, handler: changeOwnPassword });

export const signOutResellerStaffEverywhere = defineAction({
  area: "console",
  input: z.object({}),
  ...ownAccount,
  handler: endAllSessions,
  redirectTo: () => "/sign-in",
});
export const signOutRegistrarStaffEverywhere = defineAction({
  area: "registrar",
  input: z.object({}),
  ...ownAccount,
  handler: endAllSessions,
  redirectTo: () => "/sign-in",
});
