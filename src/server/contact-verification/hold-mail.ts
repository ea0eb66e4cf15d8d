/** The notices of a WAPS suspension and of its end, to the registrant's contact address. */
import type { Tx } from "@/server/db";
import { queueMail } from "@/server/mail/send-mail";
import type { Domain } from "@/generated/prisma/client";
import { registryStatusWords } from "@/lib/registry-status-words";
import { brandOf } from "@/server/tenancy/storefront-host";

export async function queueHoldNotice(tx: Tx, domain: Domain, to: string): Promise<void> {
  const brand = await brandOf(domain.resellerId);
  await queueMail(tx, {
    to,
    subject: `${domain.unicodeName} is suspended: confirm your email address (${brand})`,
    text: [
      `Your domain ${domain.unicodeName} has been ${registryStatusWords("clientHold")}: its website and email stop working.`,
      "",
      `The registrant's email address ${to} was not confirmed within 15 days, as ICANN's Whois Accuracy Program requires.`,
      "Open the confirmation link we sent you, or sign in to your account and send a new one from the domain's page. The suspension is lifted within minutes of your confirmation.",
      "",
      brand,
    ].join("\n"),
    kind: "contact_verification_hold",
    resellerId: domain.resellerId,
  });
}

export async function queueLiftNotice(tx: Tx, domain: Domain, to: string, otherHoldKept: boolean): Promise<void> {
  const brand = await brandOf(domain.resellerId);
  await queueMail(tx, {
    to,
    subject: `${domain.unicodeName}: your email address is confirmed (${brand})`,
    text: [
      otherHoldKept
        ? `Your email address is confirmed. ${domain.unicodeName} remains suspended for another reason; contact us about it.`
        : `Your email address is confirmed and the suspension of ${domain.unicodeName} is lifted: it works again.`,
      "",
      brand,
    ].join("\n"),
    kind: "contact_verification_lifted",
    resellerId: domain.resellerId,
  });
}
