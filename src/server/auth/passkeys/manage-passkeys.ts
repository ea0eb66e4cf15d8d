/**
 * Listing, naming and removing one's own passkeys, staff or registrant. Every lookup is by the
 * signed-in account (and a registrant's reseller), so a passkey id of someone else reads as "not found".
 */
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { deletePasskeyOf, listPasskeysOf, renamePasskeyOf, type PasskeyOwner } from "./passkey-owner";

export type { PasskeyRow } from "./passkey-owner";

type Owning = Extract<ActorContext, { kind: "user" | "registrar" | "registrant" }>;

/** The passkeys of the account acting as `ctx`. */
export function passkeyOwnerOf(ctx: Owning): PasskeyOwner {
  if (ctx.kind !== "registrant") return { kind: "user", id: ctx.actorId };
  return { kind: "registrant", id: ctx.actorId, resellerId: ctx.resellerId };
}

export function listPasskeys(userId: string, rpID: string) {
  return listPasskeysOf({ kind: "user", id: userId }, rpID);
}

export function listOwnPasskeys(ctx: Owning, rpID: string) {
  return listPasskeysOf(passkeyOwnerOf(ctx), rpID);
}

export async function renamePasskey(ctx: Owning, input: { passkeyId: string; name: string }): Promise<void> {
  if (!(await renamePasskeyOf(passkeyOwnerOf(ctx), input.passkeyId, input.name))) throw new AppError("NOT_FOUND");
}

export async function removePasskey(ctx: Owning, input: { passkeyId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await deletePasskeyOf(tx, passkeyOwnerOf(ctx), input.passkeyId))) throw new AppError("NOT_FOUND");
    await recordAudit(tx, ctx, {
      action: "passkey.remove",
      entity: ctx.kind === "registrant" ? "registrant" : "user",
      entityId: ctx.actorId,
      before: { passkeyId: input.passkeyId },
    });
  });
}
