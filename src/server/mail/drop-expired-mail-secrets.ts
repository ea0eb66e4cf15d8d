/**
 * A deliverable copy whose secrets have expired is worth nothing to its recipient and is a risk
 * where it sits: drop it. Mail that never left is then given up rather than sent without its link.
 */
import type { Db } from "@/server/db";

export const MAIL_MAX_ATTEMPTS = 5;

export async function dropExpiredMailSecrets(db: Db, now = new Date()): Promise<number> {
  const expired = { secretsUntil: { lte: now } };
  const [unsent, sent] = await db.$transaction([
    db.outboxMail.updateMany({
      where: { ...expired, sentAt: null },
      data: {
        secretText: null,
        secretHtml: null,
        secretsUntil: null,
        attempts: MAIL_MAX_ATTEMPTS,
        lastError: "Not delivered before its link expired.",
      },
    }),
    db.outboxMail.updateMany({ where: expired, data: { secretText: null, secretHtml: null, secretsUntil: null } }),
  ]);
  return unsent.count + sent.count;
}
