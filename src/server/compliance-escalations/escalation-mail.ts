/**
 * What an escalation says. The compliance mail is the registrar's own (no reseller id, so no reseller
 * console lists it); the reseller's mail about a reveal request names the domain, the reference and the
 * kind of requester, never who asked (decision 116).
 */
import type { Tx } from "@/server/db";
import { queueMail } from "@/server/mail/send-mail";
import { CATEGORY_WORDS } from "@/server/abuse/abuse-mail";
import { REQUESTER_KIND_WORDS } from "@/server/privacy-proxy/reveal/reveal-clock";
import type { OverdueClock } from "./overdue-clocks";

const TIMER_WORDS: Record<OverdueClock["timer"], string> = {
  acknowledge: "acknowledgement",
  action: "action",
  decide: "decision",
};

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function matter(c: OverdueClock): string {
  if (c.subject === "abuse_report")
    return `Abuse report ${c.reference} (${CATEGORY_WORDS[c.about as keyof typeof CATEGORY_WORDS] ?? c.about}) about ${c.domainName}`;
  const kind = REQUESTER_KIND_WORDS[c.about as keyof typeof REQUESTER_KIND_WORDS] ?? c.about;
  return `Reveal request ${c.reference} from ${kind} about ${c.domainName}`;
}

export async function queueComplianceEscalation(tx: Tx, to: string, c: OverdueClock): Promise<void> {
  const page = c.subject === "abuse_report" ? "/registrar/abuse" : "/registrar/privacy-reveals";
  await queueMail(tx, {
    to,
    resellerId: null,
    subject: `Overdue: ${c.reference}, ${TIMER_WORDS[c.timer]} was due ${when(c.dueAt)}`,
    text: [
      `${matter(c)} passed its ${TIMER_WORDS[c.timer]} deadline of ${when(c.dueAt)} without one.`,
      "",
      `It is marked overdue and listed first on ${page} until it is settled.`,
    ].join("\n"),
    kind: "compliance_escalation",
  });
}

export async function queueResellerRevealEscalation(
  tx: Tx,
  to: string,
  c: OverdueClock & { resellerId: string },
): Promise<void> {
  await queueMail(tx, {
    to,
    resellerId: c.resellerId,
    subject: `Reveal request ${c.reference} about ${c.domainName} is overdue at the registrar`,
    text: [
      `${matter(c)}, a name you sell behind the privacy service, passed the registrar's ${TIMER_WORDS[c.timer]} deadline of ${when(c.dueAt)}.`,
      "",
      "The registrar's compliance team has been told. Your customer was told of the request when it arrived and keeps their privacy until it is decided; the requester's identity is not shared.",
    ].join("\n"),
    kind: "compliance_escalation_reseller",
  });
}
