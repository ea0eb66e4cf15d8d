/**
 * Mail goes to the outbox table first (the consoles show it), in the caller's transaction; a
 * delivery pass sends unsent rows over SMTP when SMTP_URL is set.
 */
import type { Tx } from "@/server/db";
import { env } from "@/env";

export type MailInput = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind: string;
  resellerId?: string | null;
  from?: string;
};

export async function queueMail(tx: Tx, mail: MailInput): Promise<string> {
  const row = await tx.outboxMail.create({
    data: {
      toAddress: mail.to,
      fromAddress: mail.from ?? env().MAIL_FROM,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      kind: mail.kind,
      resellerId: mail.resellerId ?? null,
    },
    select: { id: true },
  });
  return row.id;
}
