/** A signed-in person changes their own display name (email changes are not offered yet). */
import { z } from "zod";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";

export const profileInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
});

type Self = Extract<ActorContext, { kind: "user" | "registrar" | "registrant" }>;

export async function updateProfile(ctx: Self, input: z.output<typeof profileInput>): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    const before =
      ctx.kind === "registrant"
        ? await tx.registrant.findUniqueOrThrow({ where: { id: ctx.actorId }, select: { name: true } })
        : await tx.user.findUniqueOrThrow({ where: { id: ctx.actorId }, select: { name: true } });
    if (ctx.kind === "registrant")
      await tx.registrant.update({ where: { id: ctx.actorId }, data: { name: input.name } });
    else await tx.user.update({ where: { id: ctx.actorId }, data: { name: input.name } });
    const entity = ctx.kind === "registrant" ? "registrant" : "user";
    await recordAudit(tx, ctx, {
      action: "profile.update",
      entity,
      entityId: ctx.actorId,
      before,
      after: { name: input.name },
    });
    return { name: input.name };
  });
}
