/**
 * Sends unsent outbox mail over SMTP, or, without SMTP_URL, drops it as .eml files in MAIL_DROP_DIR
 * (development: .data/mail), so a developer can open a reset link without any page showing it.
 * Once a mail is handed over its deliverable copy, the one with secret links, is dropped.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Db } from "@/server/db";
import { env } from "@/env";
import { dropExpiredMailSecrets, MAIL_MAX_ATTEMPTS } from "./drop-expired-mail-secrets";

export type MailMessage = { from: string; to: string; subject: string; text: string; html?: string };
/** Hands one message to the mail system; resolves once it has taken it. */
export type SendMail = (id: string, m: MailMessage) => Promise<void>;

function mailDropDir(): string | undefined {
  const e = env();
  return e.MAIL_DROP_DIR ?? (e.NODE_ENV === "development" ? ".data/mail" : undefined);
}

/** Writes each message as an .eml file, readable by the machine's owner only. */
export function fileDropSender(dir: string): SendMail {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return async (id, m) => {
    const info = await transport.sendMail(m);
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${id}.eml`),
      info.message as Buffer,
      { mode: 0o600 },
    );
  };
}

function chooseSender(): SendMail | null {
  const url = env().SMTP_URL;
  if (url) {
    const transport = nodemailer.createTransport(url);
    return async (_id, m) => void (await transport.sendMail(m));
  }
  const dir = mailDropDir();
  return dir ? fileDropSender(dir) : null;
}

export async function deliverOutbox(
  db: Db,
  opts: { limit?: number; send?: SendMail | null } = {},
): Promise<{ sent: number; failed: number }> {
  await dropExpiredMailSecrets(db);
  const limit = opts.limit ?? 50;
  const send = opts.send === undefined ? chooseSender() : opts.send;
  if (!send) return { sent: 0, failed: 0 };
  const pending = await db.outboxMail.findMany({
    where: { sentAt: null, attempts: { lt: MAIL_MAX_ATTEMPTS } },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  let sent = 0;
  let failed = 0;
  for (const m of pending) {
    try {
      const text = m.secretText ?? m.textBody;
      const html = (m.secretText !== null ? m.secretHtml : m.htmlBody) ?? undefined;
      await send(m.id, { from: m.fromAddress, to: m.toAddress, subject: m.subject, text, html });
      await db.outboxMail.update({
        where: { id: m.id },
        data: {
          sentAt: new Date(),
          attempts: { increment: 1 },
          secretText: null,
          secretHtml: null,
          secretsUntil: null,
        },
      });
      sent++;
    } catch (e) {
      await db.outboxMail.update({ where: { id: m.id }, data: { attempts: { increment: 1 }, lastError: String(e) } });
      failed++;
    }
  }
  return { sent, failed };
}
