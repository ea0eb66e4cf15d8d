/**
 * The inbound-mail port for the abuse address: an adapter (an SMTP server, a mailbox poller) hands
 * each RFC 5322 message to `receiveAbuseMail`; the local stand-in is calling it with the message
 * text (tests, `.eml` files). A message naming no domain, or with no reply address, is kept out of
 * the queue and answered by nothing: there is nobody to tell and nothing to act on.
 */
import { classifyText, namesIn } from "../classify";
import { submitAbuseReport } from "../submit-report";
import { parseMessage } from "./parse-message";

export type InboundMailHandler = (raw: string | Uint8Array) => Promise<IntakeResult>;
export type IntakeResult = { accepted: true; reference: string } | { accepted: false; reason: string };

export const receiveAbuseMail: InboundMailHandler = async (raw) => {
  const m = parseMessage(raw);
  if (!m.from) return { accepted: false, reason: "no sender address" };
  const words = `${m.subject}\n${m.text}`;
  // The sender's own domain (its signature, its mail server) is not what is reported.
  const own = m.from.split("@")[1] ?? "";
  const names = namesIn(words).filter((n) => n !== own && !n.endsWith(`.${own}`));
  if (!names.length) return { accepted: false, reason: "no domain name in the message" };
  const description = [m.subject, m.text.trim()].filter(Boolean).join("\n\n").slice(0, 5000);
  const urls = [...words.matchAll(/\bhttps?:\/\/[^\s<>"]{1,2000}/g)].slice(0, 20).map((u) => u[0]);
  const { reference } = await submitAbuseReport({
    source: "mail",
    category: classifyText(words),
    domain: names[0],
    description: description || "(empty message)",
    reporterName: m.fromName,
    reporterEmail: m.from,
    fromAuthority: false,
    viaResellerId: null,
    evidence: [
      { kind: "mail_headers", content: m.headerText },
      { kind: "text", content: m.text },
      ...urls.map((u) => ({ kind: "url", content: u })),
      ...(m.messageId ? [{ kind: "message_id", content: m.messageId }] : []),
    ],
  });
  return { accepted: true, reference };
};
