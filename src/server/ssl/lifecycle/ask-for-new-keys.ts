/**
 * Bulk reissue to new keys the reseller does not hold (decision 125): after a key compromise only the
 * registrant can make a new key, so each selected certificate's registrant is mailed a signed link that
 * opens that certificate's upload page without a sign-in (ordering/key-link-reissue.ts, decision 134), where their
 * reissue with a new CSR (reissue-certificate.ts) does the rest; a reminder follows after three days. The
 * bulk job's item stays "waiting" until that reissue is recorded (record-issued.ts moves it). When
 * the reseller says the keys are compromised, the old certificates are marked for revocation with
 * reason keyCompromise in the same transaction, and the caller revokes them at the CA at once.
 */
import type { Tx } from "@/server/db";
import { db } from "@/server/db";
import { systemContext, type ActorContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { queueMails, type MailInput } from "@/server/mail/send-mail";
import { storefrontHostOf } from "@/server/tenancy/storefront-host";
import { WAITING_FOR_KEY } from "@/server/ssl/requests/new-key-supplied";
import { newKeyLink } from "./key-link-token";
import { REMINDER_AFTER_MS, newKeyReminderJob } from "./new-key-reminder-job";
import { newKeyMail } from "./new-key-mail";

const OPEN_STATES = ["new", "pending_dcv", "processing"] as const;
const CHUNK = 100;

export type KeyAsk = { certificateId: string; subscriptionId: string; resellerId: string };
export type KeyAskResult = { certificateId: string; asked: boolean; message: string };

async function askChunk(
  tx: Tx,
  ctx: ActorContext,
  chunk: KeyAsk[],
  o: { keyCompromise: boolean; batch: string; hosts: Map<string, string> },
): Promise<KeyAskResult[]> {
  const subIds = [...new Set(chunk.map((c) => c.subscriptionId))].sort();
  // The subscriptions' row locks, in id order as the bulk run takes them, so a reissue cannot start meanwhile.
  await tx.$queryRaw`select id from "CertificateSubscription" where id = any(${subIds}::text[]) order by id for update`;
  const [subs, busy] = await Promise.all([
    tx.certificateSubscription.findMany({
      where: { id: { in: subIds } },
      select: { id: true, registrantId: true, names: true },
    }),
    tx.certificateRequest.findMany({
      where: { subscriptionId: { in: subIds }, state: { in: [...OPEN_STATES] } },
      select: { subscriptionId: true },
    }),
  ]);
  const registrants = await tx.registrant.findMany({
    where: { id: { in: subs.flatMap((s) => (s.registrantId ? [s.registrantId] : [])) } },
    select: { id: true, email: true, name: true },
  });
  const subOf = new Map(subs.map((s) => [s.id, s]));
  const registrantOf = new Map(registrants.map((r) => [r.id, r]));
  const taken = new Set(busy.map((b) => b.subscriptionId));
  const results: KeyAskResult[] = [];
  const asked: KeyAsk[] = [];
  const mails: MailInput[] = [];
  for (const c of chunk) {
    const sub = subOf.get(c.subscriptionId);
    const registrant = sub?.registrantId ? registrantOf.get(sub.registrantId) : undefined;
    if (!sub || taken.has(sub.id)) {
      results.push({
        certificateId: c.certificateId,
        asked: false,
        message: "A reissue or replacement is already under way.",
      });
      continue;
    }
    if (!registrant) {
      // A console order has no registrant account: nobody could follow the link.
      results.push({
        certificateId: c.certificateId,
        asked: false,
        message: "No registrant account to ask for a new key: reissue it with a new CSR yourself.",
      });
      continue;
    }
    taken.add(sub.id);
    asked.push(c);
    const link = newKeyLink(o.hosts.get(c.resellerId) ?? "", {
      certificateId: c.certificateId,
      subscriptionId: sub.id,
      resellerId: c.resellerId,
      registrantId: registrant.id,
    });
    mails.push(
      newKeyMail({ registrant, names: sub.names, resellerId: c.resellerId, link, compromised: o.keyCompromise }),
    );
    results.push({ certificateId: c.certificateId, asked: true, message: WAITING_FOR_KEY });
  }
  await queueMails(tx, mails);
  // One reminder for the chunk, three days on, to those who have not sent a new key by then.
  if (asked.length)
    await enqueueJob(
      tx,
      newKeyReminderJob,
      { certificateIds: asked.map((a) => a.certificateId) },
      { startAfter: new Date(Date.now() + REMINDER_AFTER_MS) },
    );
  if (o.keyCompromise && asked.length)
    await tx.issuedCertificate.updateMany({
      where: { id: { in: asked.map((a) => a.certificateId) }, revokeRequestedAt: null },
      data: { revokeRequestedAt: new Date(), revocationReason: "keyCompromise" },
    });
  const byReseller = new Map<string, string[]>();
  for (const a of asked) byReseller.set(a.resellerId, [...(byReseller.get(a.resellerId) ?? []), a.certificateId]);
  for (const [resellerId, certificates] of [...byReseller].sort(([x], [y]) => (x < y ? -1 : 1)))
    await recordAudit(tx, ctx.kind === "system" ? systemContext(resellerId) : ctx, {
      action: "ssl.certificate.new_keys_requested",
      entity: "certificateBulkReissue",
      entityId: o.batch,
      resellerId,
      after: { batch: o.batch, keyCompromise: o.keyCompromise, certificates },
    });
  return results;
}

/** Asks each certificate's registrant for a new key, a chunk per transaction; one result per certificate. */
export async function askForNewKeys(
  ctx: ActorContext,
  certs: KeyAsk[],
  o: { keyCompromise: boolean; batch: string },
): Promise<KeyAskResult[]> {
  const hosts = new Map<string, string>();
  for (const resellerId of new Set(certs.map((c) => c.resellerId)))
    hosts.set(resellerId, await storefrontHostOf(resellerId));
  // One reseller per transaction, so each takes one audit chain's lock.
  const sorted = [...certs].sort((x, y) => (x.resellerId < y.resellerId ? -1 : x.resellerId > y.resellerId ? 1 : 0));
  const results: KeyAskResult[] = [];
  for (let from = 0; from < sorted.length;) {
    const resellerId = sorted[from].resellerId;
    let to = from;
    while (to < sorted.length && to - from < CHUNK && sorted[to].resellerId === resellerId) to++;
    const chunk = sorted.slice(from, to);
    results.push(...(await db.$transaction((tx) => askChunk(tx, ctx, chunk, { ...o, hosts }), { timeout: 30_000 })));
    from = to;
  }
  return results;
}
