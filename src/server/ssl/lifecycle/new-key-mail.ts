/**
 * The mail asking a registrant for a new key, first after a bulk reissue and once more as a reminder.
 * The link acts for its holder (a reissue without a sign-in), so it goes only in the deliverable copy:
 * the consoles show the mail with the link redacted.
 */
import type { MailInput } from "@/server/mail/send-mail";

export function newKeyMail(o: {
  registrant: { email: string; name: string };
  names: string[];
  resellerId: string;
  link: { url: string; expiresAt: Date };
  compromised: boolean;
  reminder?: boolean;
}): MailInput {
  const names = o.names.join(", ");
  return {
    to: o.registrant.email,
    kind: o.reminder ? "ssl_new_key_reminder" : "ssl_new_key_requested",
    resellerId: o.resellerId,
    subject: `${o.reminder ? "Reminder: a" : "A"} new key is needed for your certificate for ${o.names[0]}`,
    text: [
      `Hello ${o.registrant.name},`,
      "",
      o.compromised
        ? `The private key of your certificate for ${names} may have been exposed, so the certificate has been revoked. Browsers will stop trusting it.`
        : `Your certificate for ${names} needs to be reissued with a new private key.`,
      ...(o.reminder ? ["", "We have not received a new key for it yet."] : []),
      "",
      `Open this link (it works once, until ${o.link.expiresAt.toISOString().slice(0, 10)}) to get the new certificate at no charge: make the new key in your browser there, or paste a certificate signing request (CSR) made on your server.`,
      o.link.url,
      "",
      "Keep the new private key: we never see it.",
    ].join("\n"),
    secrets: [o.link.url],
    secretsUntil: o.link.expiresAt,
  };
}
