/** What the registrant is told when their mark changes state, and a month before its term ends. */
import type { Tx } from "@/server/db";
import { queueMail } from "@/server/mail/send-mail";
import type { TmchMarkState } from "@/generated/prisma/enums";

type MailMark = {
  markName: string;
  resellerId: string;
  registrantId: string;
  reasons: string[];
  labels: string[];
  expiresAt: Date | null;
  smdId: string | null;
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

function body(state: TmchMarkState, m: MailMark): { subject: string; text: string } | null {
  const name = `"${m.markName}"`;
  switch (state) {
    case "submitted":
      return {
        subject: `Your mark ${name} is with the Trademark Clearinghouse`,
        text: `We submitted your mark ${name} to the Trademark Clearinghouse. We will write again when it has been checked.`,
      };
    case "verifying":
      return {
        subject: `Your mark ${name} is being verified`,
        text: `The Trademark Clearinghouse has started verifying your mark ${name}.`,
      };
    case "incorrect":
      return {
        subject: `Your mark ${name} needs a correction`,
        text: `The Trademark Clearinghouse could not verify your mark ${name}:\n\n${m.reasons.map((r) => `- ${r}`).join("\n")}\n\nCorrect the submission from your account; corrections are free.`,
      };
    case "corrected":
      return {
        subject: `Your correction to ${name} was sent`,
        text: `We sent your correction of ${name} to the Trademark Clearinghouse.`,
      };
    case "verified":
      return {
        subject: `Your mark ${name} is verified`,
        text:
          `The Trademark Clearinghouse verified your mark ${name} until ${day(m.expiresAt)}.\n` +
          `Domain labels it covers: ${m.labels.join(", ")}.\n` +
          (m.smdId
            ? `Your signed mark file (SMD ${m.smdId}) is ready to download from your account: use it to apply in sunrise periods.`
            : "Add a proof of use to get a signed mark file (SMD) for sunrise periods."),
      };
    case "expired":
      return {
        subject: `Your mark ${name} has expired`,
        text: `The Trademark Clearinghouse record of ${name} expired on ${day(m.expiresAt)}. Record it again to keep your protection.`,
      };
    case "deactivated":
      return {
        subject: `Your mark ${name} was withdrawn`,
        text: `The Trademark Clearinghouse withdrew its record of ${name}; its signed mark files are revoked.`,
      };
    default:
      return null;
  }
}

async function registrantAddress(tx: Tx, registrantId: string): Promise<string | null> {
  return (await tx.registrant.findUnique({ where: { id: registrantId }, select: { email: true } }))?.email ?? null;
}

export async function mailStateChange(tx: Tx, state: TmchMarkState, mark: MailMark): Promise<void> {
  const mail = body(state, mark);
  const to = await registrantAddress(tx, mark.registrantId);
  if (!mail || !to) return;
  await queueMail(tx, { to, ...mail, kind: `tmch.mark-${state}`, resellerId: mark.resellerId });
}

export async function mailExpirySoon(tx: Tx, mark: MailMark): Promise<void> {
  const to = await registrantAddress(tx, mark.registrantId);
  if (!to) return;
  await queueMail(tx, {
    to,
    subject: `Your mark "${mark.markName}" expires on ${day(mark.expiresAt)}`,
    text: `The Trademark Clearinghouse record of "${mark.markName}" ends on ${day(mark.expiresAt)}. Renew it from your account for 1, 3 or 5 years to keep your protection and your signed mark file.`,
    kind: "tmch.mark-expiry-soon",
    resellerId: mark.resellerId,
  });
}
