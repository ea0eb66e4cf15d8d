/**
 * Re-authentication before sensitive changes (docs/decisions/072-reauthentication.md). Each session
 * record holds when its person last proved themselves (`reauthAt`: the sign-in, then every "Confirm
 * it's you"). Changes to staff roles and membership and switching the second factor off want that
 * moment within the last 10 minutes, so a session left open or stolen cannot make them on its own.
 */
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export const REAUTH_WINDOW_MS = 10 * 60_000;

/** Throws REAUTH_REQUIRED unless `sessionId` is a live session of `actorId` proved within the window. */
export async function assertRecentlyAuthenticated(
  actorId: string | null,
  req: { sessionId: string | null },
  now = new Date(),
): Promise<void> {
  if (actorId === null || req.sessionId === null) throw new AppError("REAUTH_REQUIRED");
  const row = await db.session.findUnique({
    where: { id: req.sessionId },
    select: { userId: true, registrantId: true, reauthAt: true, revokedAt: true, expiresAt: true },
  });
  const mine = row !== null && (row.userId ?? row.registrantId) === actorId;
  if (!mine || row.revokedAt || row.expiresAt <= now) throw new AppError("REAUTH_REQUIRED");
  if (now.getTime() - row.reauthAt.getTime() > REAUTH_WINDOW_MS) throw new AppError("REAUTH_REQUIRED");
}
