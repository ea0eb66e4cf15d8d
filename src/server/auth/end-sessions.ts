/**
 * Ends every session of an account by moving its session version on: sign-out everywhere, and what
 * role changes, removals and password changes do inside their own transactions.
 */
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { db, type Tx } from "@/server/db";

export async function endSessions(tx: Tx, subject: { kind: "user" | "registrant"; id: string }): Promise<void> {
  const data = { sessionVersion: { increment: 1 } };
  if (subject.kind === "user") await tx.user.update({ where: { id: subject.id }, data });
  else await tx.registrant.update({ where: { id: subject.id }, data });
}

/** "Sign out everywhere" for the acting person, this session included. */
export async function signOutEverywhere(ctx: Extract<ActorContext, { kind: "user" | "registrar" | "registrant" }>): Promise<void> {
  const kind = ctx.kind === "registrant" ? "registrant" : "user";
  await db.$transaction(async (tx) => {
    await endSessions(tx, { kind, id: ctx.actorId });
    await recordAudit(tx, ctx, { action: "session.end_all", entity: kind, entityId: ctx.actorId });
  });
}
