/**
 * Mails a verification link for a contact's current address: a fresh random token whose SHA-256 alone
 * is kept, usable once, until the deadline. The link is named as the mail's secret, so the outbox copy
 * staff can read has it redacted (docs/decisions/064-mail-secrets.md).
 */
import type { Tx } from "@/server/db";
import { newToken } from "@/server/auth/tokens";
import { queueMail } from "@/server/mail/send-mail";
import { brandOf } from "@/server/tenancy/storefront-host";
import { verifyLinkBase } from "./storefront-link";
import { linkExpiry } from "./terms";

export type LinkKind = "first" | "reminder" | "resend";

type ContactRow = { id: string; resellerId: string; email: string; verificationDeadline: Date | null };

const day = (d: Date) => d.toISOString().slice(0, 10);

type Words = { brand: string; names: string[]; link: string; deadline: Date | null; expires: Date; now: Date };

function body(kind: LinkKind, { brand, names, link, deadline, expires, now }: Words) {
  const forWhat = names.length ? `the registrant of ${names.join(", ")}` : `the registrant contact of your domains`;
  const opening =
    kind === "reminder"
      ? `Reminder: we still need you to confirm this email address as ${forWhat}.`
      : `Please confirm this email address as ${forWhat}.`;
  const late = deadline !== null && deadline.getTime() <= now.getTime();
  const why = late
    ? "The rules for domain names (ICANN's Whois Accuracy Program) require it; until you confirm, the domains stay suspended."
    : `The rules for domain names (ICANN's Whois Accuracy Program) require it. If it is not confirmed by ${day(deadline ?? expires)}, the domains are suspended until it is.`;
  return [
    opening,
    "",
    why,
    "",
    "Open this link and press the button to confirm (no sign-in needed):",
    link,
    "",
    `The link works once, until ${day(expires)}.`,
    "If you did not register a domain name with us, you can ignore this message.",
    "",
    brand,
  ].join("\n");
}

export async function issueVerificationLink(
  tx: Tx,
  contact: ContactRow,
  now: Date,
  kind: LinkKind,
): Promise<{ expiresAt: Date }> {
  const { token, tokenHash } = newToken();
  const expiresAt = linkExpiry(contact.verificationDeadline, now);
  await tx.contactVerificationToken.create({
    data: { tokenHash, contactId: contact.id, resellerId: contact.resellerId, email: contact.email, expiresAt },
  });
  const names = (
    await tx.domain.findMany({
      where: { registrantContactId: contact.id, state: { notIn: ["deleted", "transferred_away"] } },
      select: { unicodeName: true },
      orderBy: { name: "asc" },
      take: 20,
    })
  ).map((d) => d.unicodeName);
  const brand = await brandOf(contact.resellerId);
  const link = `${await verifyLinkBase(contact.resellerId)}${token}`;
  await queueMail(tx, {
    to: contact.email,
    subject:
      kind === "reminder"
        ? `Reminder: confirm your email address for your domains (${brand})`
        : `Confirm your email address for your domains (${brand})`,
    text: body(kind, { brand, names, link, deadline: contact.verificationDeadline, expires: expiresAt, now }),
    kind: kind === "reminder" ? "contact_verification_reminder" : "contact_verification",
    resellerId: contact.resellerId,
    secrets: [link],
    secretsUntil: expiresAt,
  });
  return { expiresAt };
}
