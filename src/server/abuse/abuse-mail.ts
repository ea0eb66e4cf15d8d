/**
 * The mails of an abuse report. Mails to the reporter carry no reseller id, so no reseller console
 * lists them (the reporter's address is personal data the reseller never sees); mails to the
 * reseller and the registrant name the domain, category and evidence, never the reporter.
 */
import type { Tx } from "@/server/db";
import { queueMail } from "@/server/mail/send-mail";
import type { AbuseReport } from "@/generated/prisma/client";

export const CATEGORY_WORDS: Record<AbuseReport["category"], string> = {
  phishing: "phishing",
  malware: "malware distribution",
  botnet: "botnet command and control",
  pharming: "pharming",
  spam: "spam used to deliver DNS abuse",
};

type Report = Pick<AbuseReport, "reference" | "domainName" | "category" | "reporterEmail" | "description">;

export async function queueReceipt(tx: Tx, r: Report, registrarName: string): Promise<void> {
  await queueMail(tx, {
    to: r.reporterEmail,
    subject: `Abuse report ${r.reference} received: ${r.domainName}`,
    text: [
      `We received your report of ${CATEGORY_WORDS[r.category]} on ${r.domainName} (reference ${r.reference}).`,
      "",
      "Someone able to act reviews every report within 24 hours. We will write again when we have decided what to do.",
      "",
      registrarName,
    ].join("\n"),
    kind: "abuse_receipt",
    resellerId: null,
  });
}

export async function queueReporterUpdate(tx: Tx, r: Report, text: string, kind: string): Promise<void> {
  await queueMail(tx, {
    to: r.reporterEmail,
    subject: `Abuse report ${r.reference}: ${r.domainName}`,
    text,
    kind,
    resellerId: null,
  });
}

export function evidenceLines(evidence: { kind: string; content: string }[]): string[] {
  const urls = evidence.filter((e) => e.kind === "url").map((e) => `- ${e.content}`);
  return urls.length ? ["Evidence:", ...urls] : [];
}

export async function queueResellerNotice(
  tx: Tx,
  r: Report & { resellerId: string },
  to: string,
  evidence: { kind: string; content: string }[],
): Promise<void> {
  await queueMail(tx, {
    to,
    resellerId: r.resellerId,
    subject: `Abuse report ${r.reference} about your customer's domain ${r.domainName}`,
    text: [
      `The registrar received a report of ${CATEGORY_WORDS[r.category]} on ${r.domainName}, a name you sell (reference ${r.reference}).`,
      "",
      "What was reported:",
      r.description,
      "",
      ...evidenceLines(evidence),
      "",
      "Contact your customer and tell the registrar what you found by replying to this message. The registrar may suspend the name. The reporter's identity is not shared.",
    ].join("\n"),
    kind: "abuse_reseller_notice",
  });
}

export async function queueRegistrantNotice(
  tx: Tx,
  r: Report & { resellerId: string },
  to: string,
  brand: string,
): Promise<void> {
  await queueMail(tx, {
    to,
    resellerId: r.resellerId,
    subject: `Abuse report about ${r.domainName} (${brand})`,
    text: [
      `We received a report that ${r.domainName} is used for ${CATEGORY_WORDS[r.category]} (reference ${r.reference}).`,
      "",
      "If your site or mail was compromised, clean it up and reply to this message with what you did. If the report is mistaken, reply and tell us why. The name may be suspended while the matter is open.",
      "",
      brand,
    ].join("\n"),
    kind: "abuse_registrant_notice",
  });
}
