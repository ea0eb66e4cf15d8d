/**
 * Session records that ended (expired or revoked) more than 30 days ago are deleted, with expired
 * WebAuthn challenges. 30 days because the "known address" sign-in budget (decision 068) reads the
 * sessions of the last 30 days: a row that ended longer ago than that was created longer ago too, so
 * deleting it changes no limit. Deleted in batches, so a backlog never holds one long lock.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { deleteInBatches } from "@/server/retention/in-batches";

export const SESSION_RETENTION_MS = 30 * 24 * 60 * 60_000;
const BATCH = 5000;

export async function purgeEndedSessions(now = new Date()): Promise<{ sessions: number; challenges: number }> {
  const before = new Date(now.getTime() - SESSION_RETENTION_MS);
  const sessions = await deleteInBatches(
    BATCH,
    () => db.$executeRaw`
      DELETE FROM "Session" WHERE id IN (
        SELECT id FROM "Session" WHERE "expiresAt" < ${before} OR "revokedAt" < ${before} LIMIT ${BATCH})`,
  );
  const challenges = await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  const registrants = await db.registrantWebAuthnChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  return { sessions, challenges: challenges.count + registrants.count };
}

export const purgeSessionsJob = defineJob({
  name: "auth.purge-ended-sessions",
  payload: z.object({}),
  cron: "17 * * * *",
  retry: { limit: 0 },
  handler: async () => void (await purgeEndedSessions()),
});
