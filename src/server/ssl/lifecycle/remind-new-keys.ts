/**
 * The reminder three days after a bulk reissue asked registrants for new keys (new-key-reminder-job.ts,
 * one job per asking chunk, so once per ask). A certificate is reminded about only while it still waits:
 * not replaced by a reissue, no reissue under way, its term running, its registrant able to sign in.
 * Each reminder carries a fresh link, valid a week from now; the mails go in one statement.
 */
import { db } from "@/server/db";
import { queueMails, type MailInput } from "@/server/mail/send-mail";
import { storefrontHostOf } from "@/server/tenancy/storefront-host";
import { newKeyLink } from "./key-link-token";
import { newKeyMail } from "./new-key-mail";

const OPEN_STATES = ["new", "pending_dcv", "processing"] as const;

/** Mails the reminders; returns the certificates reminded about. */
export async function remindNewKeys(certificateIds: string[], now = new Date()): Promise<string[]> {
  const certs = await db.issuedCertificate.findMany({
    where: { id: { in: certificateIds }, replacedById: null },
    select: {
      id: true,
      resellerId: true,
      revocationReason: true,
      subscription: {
        select: {
          id: true,
          names: true,
          termEndsAt: true,
          registrantId: true,
          requests: { where: { state: { in: [...OPEN_STATES] } }, select: { id: true }, take: 1 },
        },
      },
    },
  });
  const waiting = certs.filter(
    (c) =>
      c.subscription.registrantId &&
      c.subscription.requests.length === 0 &&
      (!c.subscription.termEndsAt || c.subscription.termEndsAt > now),
  );
  if (!waiting.length) return [];
  // A later certificate of the subscription (reissued by the reseller, replaced in the term) answers it too.
  const later = await db.issuedCertificate.findMany({
    where: {
      subscriptionId: { in: waiting.map((c) => c.subscription.id) },
      id: { notIn: waiting.map((c) => c.id) },
      status: "issued",
      revokedAt: null,
    },
    select: { subscriptionId: true },
  });
  const answered = new Set(later.map((l) => l.subscriptionId));
  const due = waiting.filter((c) => !answered.has(c.subscription.id));
  const registrants = new Map(
    (
      await db.registrant.findMany({
        where: { id: { in: due.map((c) => c.subscription.registrantId as string) }, disabledAt: null },
        select: { id: true, email: true, name: true },
      })
    ).map((r) => [r.id, r]),
  );
  const hosts = new Map<string, string>();
  const mails: MailInput[] = [];
  const reminded: string[] = [];
  for (const c of due) {
    const registrant = registrants.get(c.subscription.registrantId as string);
    if (!registrant) continue;
    if (!hosts.has(c.resellerId)) hosts.set(c.resellerId, await storefrontHostOf(c.resellerId));
    const link = newKeyLink(
      hosts.get(c.resellerId) ?? "",
      {
        certificateId: c.id,
        subscriptionId: c.subscription.id,
        resellerId: c.resellerId,
        registrantId: registrant.id,
      },
      now.getTime(),
    );
    mails.push(
      newKeyMail({
        registrant,
        names: c.subscription.names,
        resellerId: c.resellerId,
        link,
        compromised: c.revocationReason === "keyCompromise",
        reminder: true,
      }),
    );
    reminded.push(c.id);
  }
  if (mails.length) await db.$transaction((tx) => queueMails(tx, mails));
  return reminded;
}
