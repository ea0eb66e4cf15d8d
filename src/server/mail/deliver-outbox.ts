/** Sends unsent outbox mail over SMTP. Without SMTP_URL mail stays in the outbox, which is the point in development. */
import nodemailer from "nodemailer";
import type { Db } from "@/server/db";
import { env } from "@/env";

export async function deliverOutbox(db: Db, limit = 50): Promise<{ sent: number; failed: number }> {
  const url = env().SMTP_URL;
  if (!url) return { sent: 0, failed: 0 };
  const transport = nodemailer.createTransport(url);
  const pending = await db.outboxMail.findMany({ where: { sentAt: null, attempts: { lt: 5 } }, orderBy: { createdAt: "asc" }, take: limit });
  let sent = 0;
  let failed = 0;
  for (const m of pending) {
    try {
      await transport.sendMail({ from: m.fromAddress, to: m.toAddress, subject: m.subject, text: m.textBody, html: m.htmlBody ?? undefined });
      await db.outboxMail.update({ where: { id: m.id }, data: { sentAt: new Date(), attempts: { increment: 1 } } });
      sent++;
    } catch (e) {
      await db.outboxMail.update({ where: { id: m.id }, data: { attempts: { increment: 1 }, lastError: String(e) } });
      failed++;
    }
  }
  return { sent, failed };
}
