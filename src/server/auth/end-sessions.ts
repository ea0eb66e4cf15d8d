/**
 * Ending sessions: their records are revoked (the token dies on its next request) and, for "all of
 * them", the account's session version moves on too. Sign-out everywhere, password resets, role
 * changes and removals end all; a password change ends all but the one it was made in.
 */
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { db, type Tx } from "@/server/db";

export type SessionSubject = { kind: "user" | "registrant"; id: string };

export function ownedBy(subject: SessionSubject) {
  return subject.kind === "user" ? { userId: subject.id } : { registrantId: subject.id };
}

export async function endSessions(tx: Tx, subject: SessionSubject): Promise<void> {
  const data = { sessionVersion: { increment: 1 } };
  if (subject.kind === "user") await tx.user.update({ where: { id: subject.id }, data });
  else await tx.registrant.update({ where: { id: subject.id }, data });
  await tx.session.updateMany({ where: { ...ownedBy(subject), revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Every session but `keep` (null: keep none). */
export async function endOtherSessions(tx: Tx, subject: SessionSubject, keep: string | null): Promise<void> {
  const except = keep ? { id: { not: keep } } : {};
  await tx.session.updateMany({
    where: { ...ownedBy(subject), ...except, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** Sign-out: the one session whose token came with the request. */
export async function endSession(sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export type Self = Extract<ActorContext, { kind: "user" | "registrar" | "registrant" }>;

export function subjectOf(ctx: Self): SessionSubject {
  return { kind: ctx.kind === "registrant" ? "registrant" : "user", id: ctx.actorId };
}

/** "Sign out everywhere" for the acting person, this session included. */
export async function signOutEverywhere(ctx: Self): Promise<void> {
  const subject = subjectOf(ctx);
  await db.$transaction(async (tx) => {
    await endSessions(tx, subject);
    await recordAudit(tx, ctx, { action: "session.end_all", entity: subject.kind, entityId: ctx.actorId });
  });
}
