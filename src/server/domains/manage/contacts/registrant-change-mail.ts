/**
 * The mails of a change of registrant (Transfer Policy II.C): a confirmation request to the prior
 * and to the new registrant, each with its own link, and the outcome to both. In the reseller's name.
 */
import type { Tx } from "@/server/db";
import { baseUrlOf } from "@/server/auth/links";
import { queueMail } from "@/server/mail/send-mail";
import type { ContactFields } from "@/lib/contact-rules";
import { brandOf, storefrontHostOf } from "@/server/tenancy/storefront-host";

export type Party = "prior" | "new";

const describe = (c: Pick<ContactFields, "name" | "organization" | "email">) =>
  [c.name, c.organization, c.email].filter(Boolean).join(", ");

type Request = {
  resellerId: string;
  changeId: string;
  domainName: string;
  prior: ContactFields;
  next: ContactFields;
  tokens: Record<Party, string>;
  expiresAt: Date;
  lockDays: number;
};

export async function queueConfirmationMails(tx: Tx, r: Request): Promise<void> {
  const base = baseUrlOf(await storefrontHostOf(r.resellerId));
  const brand = await brandOf(r.resellerId);
  const until = r.expiresAt.toISOString().slice(0, 10);
  const lock =
    r.lockDays > 0
      ? `After the change, ${r.domainName} cannot be transferred to another registrar for ${r.lockDays} days, unless the current registrant opts out of that lock when confirming.`
      : "";
  for (const party of ["prior", "new"] as const) {
    const link = `${base}/registrant-change/${r.changeId}?t=${r.tokens[party]}`;
    const role = party === "prior" ? "the current registrant" : "the new registrant";
    await queueMail(tx, {
      to: party === "prior" ? r.prior.email : r.next.email,
      subject: `Confirm the change of registrant of ${r.domainName}`,
      text: [
        `${brand} was asked to change the registrant of ${r.domainName}.`,
        "",
        `From: ${describe(r.prior)}`,
        `To:   ${describe(r.next)}`,
        "",
        `As ${role}, please confirm or decline by ${until}:`,
        link,
        "",
        "The change is made only when both the current and the new registrant have confirmed.",
        lock,
        "If you did not expect this, decline on that page or ignore this message.",
      ]
        .filter((l, i, all) => l !== "" || all[i - 1] !== "")
        .join("\n"),
      kind: "registrant_change_confirm",
      resellerId: r.resellerId,
      secrets: [link],
      secretsUntil: r.expiresAt,
    });
  }
}

export async function queueOutcomeMails(
  tx: Tx,
  o: { resellerId: string; domainName: string; to: string[]; text: string; subject: string },
): Promise<void> {
  const brand = await brandOf(o.resellerId);
  for (const to of [...new Set(o.to.map((t) => t.toLowerCase()))]) {
    await queueMail(tx, {
      to,
      subject: o.subject,
      text: `${o.text}\n\n${brand}`,
      kind: "registrant_change_outcome",
      resellerId: o.resellerId,
    });
  }
}
