/** The acting person's live sessions for their account page, most recently used first. */
import { db } from "@/server/db";
import { ownedBy, subjectOf, type Self } from "./end-sessions";

export type SessionRow = { id: string; device: string; address: string; createdAt: Date; lastUsedAt: Date };

export async function listSessions(ctx: Self): Promise<SessionRow[]> {
  return db.session.findMany({
    where: { ...ownedBy(subjectOf(ctx)), revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, device: true, address: true, createdAt: true, lastUsedAt: true },
    orderBy: { lastUsedAt: "desc" },
    take: 50,
  });
}
