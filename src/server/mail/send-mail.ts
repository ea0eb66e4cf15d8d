/**
 * Mail goes to the outbox table first (the consoles show it), in the caller's transaction; a
 * delivery pass sends unsent rows over SMTP when SMTP_URL is set. A mail that carries secret links
 * keeps them only in a deliverable copy that nobody's page reads and that is dropped once SMTP has
 * taken the mail or the secrets expire; the shown copy has them redacted.
 */
import "server-only";
import type { Tx } from "@/server/db";
import { env } from "@/env";
import { redactSecrets } from "./redact-secrets";

/** How long a deliverable copy is kept when the caller names no expiry (the longest token life). */
const DEFAULT_SECRETS_TTL_MS = 7 * 24 * 60 * 60_000;

export type MailInput = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind: string;
  resellerId?: string | null;
  from?: string;
  /** Links or tokens that act for their holder: never shown in a console. */
  secrets?: readonly string[];
  /** When those secrets stop working; the deliverable copy is dropped then. */
  secretsUntil?: Date;
};

function outboxRow(mail: MailInput) {
  const secrets = mail.secrets ?? [];
  const shownText = redactSecrets(mail.text, secrets);
  const shownHtml = mail.html === undefined ? null : redactSecrets(mail.html, secrets);
  const holdsSecrets = shownText !== mail.text || (mail.html !== undefined && shownHtml !== mail.html);
  return {
    toAddress: mail.to,
    fromAddress: mail.from ?? env().MAIL_FROM,
    subject: mail.subject,
    textBody: shownText,
    htmlBody: shownHtml,
    secretText: holdsSecrets ? mail.text : null,
    secretHtml: holdsSecrets ? (mail.html ?? null) : null,
    secretsUntil: holdsSecrets ? (mail.secretsUntil ?? new Date(Date.now() + DEFAULT_SECRETS_TTL_MS)) : null,
    kind: mail.kind,
    resellerId: mail.resellerId ?? null,
  };
}

export async function queueMail(tx: Tx, mail: MailInput): Promise<string> {
  const row = await tx.outboxMail.create({ data: outboxRow(mail), select: { id: true } });
  return row.id;
}

/** Several mails in one statement, for a batch (a bulk reissue's chunk); the same rows as queueMail's. */
export async function queueMails(tx: Tx, mails: readonly MailInput[]): Promise<void> {
  if (mails.length) await tx.outboxMail.createMany({ data: mails.map(outboxRow) });
}
