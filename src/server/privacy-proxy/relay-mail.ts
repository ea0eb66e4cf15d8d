/**
 * The proxy service's inbound-mail port. RDAP publishes, for each privacy-protected name, a relay
 * address (the service's mailbox with a per-domain sub-address); an adapter (an SMTP server, a
 * mailbox poller) hands each message with its envelope recipient to `relayPrivacyMail`, the local
 * stand-in is calling it directly (tests, `.eml` files). The message goes on to the customer's
 * registrant address; every relay, and every refusal that names a domain, is in the audit log.
 */
import { db } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { queueMail } from "@/server/mail/send-mail";
import { parseMessage } from "@/server/abuse/mail-intake/parse-message";
import { loadRegistrar } from "@/server/rdap/load-rdap-data";
import { privacyServiceContact, relayTokenIn } from "@/server/rdap/privacy-service";

export type RelayResult = { relayed: true; domain: string } | { relayed: false; reason: string };

export async function relayPrivacyMail(recipient: string, raw: string | Uint8Array): Promise<RelayResult> {
  const registrar = await loadRegistrar();
  if (!registrar) return { relayed: false, reason: "no registrar configured" };
  const token = relayTokenIn(recipient, privacyServiceContact(registrar).email);
  if (!token) return { relayed: false, reason: "not a relay address" };
  const row = await db.privacyProxyDomain.findUnique({ where: { relayToken: token } });
  if (!row) return { relayed: false, reason: "unknown relay address" };
  const domain = await db.domain.findUnique({
    where: { id: row.domainId },
    select: { id: true, name: true, privacy: true, resellerId: true, registrantContactId: true },
  });
  if (!domain) return { relayed: false, reason: "unknown relay address" };
  const m = parseMessage(raw);
  const contact = domain.registrantContactId
    ? await db.contact.findUnique({ where: { id: domain.registrantContactId }, select: { email: true } })
    : null;
  // Privacy turned off since: the correspondent can now see the registrant's own contact route.
  const refusal = !domain.privacy ? "privacy is off for this name" : !contact ? "the name has no registrant" : null;
  await db.$transaction(async (tx) => {
    if (!refusal && contact)
      await queueMail(tx, {
        to: contact.email,
        subject: `[${domain.name}] ${m.subject || "(no subject)"}`,
        text: [
          `This message was sent to the privacy service's address for ${domain.name} and is forwarded to you as its registrant.`,
          `Sender: ${m.fromName ? `${m.fromName} ` : ""}<${m.from ?? "unknown"}>`,
          "Your own address was not shown to the sender. Reply only if you want the sender to learn it.",
          "",
          m.text,
        ].join("\n"),
        kind: "privacy_relay",
        resellerId: domain.resellerId,
      });
    // The log says that mail was relayed and when, not who wrote or what: the sender is a third party.
    await recordAudit(tx, systemContext(domain.resellerId), {
      action: refusal ? "privacy.relay.refused" : "privacy.relay",
      entity: "domain",
      entityId: domain.id,
      after: { messageId: m.messageId, ...(refusal ? { reason: refusal } : {}) },
    });
  });
  return refusal ? { relayed: false, reason: refusal } : { relayed: true, domain: domain.name };
}
