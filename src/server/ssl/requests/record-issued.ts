/**
 * The CA issued: the certificate is recorded, the request and subscription move on (term, next
 * replacement), a reissued certificate's predecessor is marked for revocation ("superseded", unless a
 * key compromise revoked it already), the issuance mail is queued and the audit entry written, all in
 * the caller's transaction (the engine's settle, or the poll's completion of a waiting item).
 * The revocation itself is a CA call made after commit (revokeRequested), so it is never lost.
 *
 * `recordIssuedMany` does it for a batch (a bulk reissue's chunk) with a statement per step rather
 * than per certificate (decision 125); `recordIssued` is the same code for one.
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import type { IssuedCertificate } from "@/server/ssl/ca/port";
import type { IssuedOrder } from "./advance-request";
import { markNewKeySupplied } from "./new-key-supplied";
import { queueMails, type MailInput } from "@/server/mail/send-mail";
import { issuanceMail } from "./issuance-mail";
import { addYears, nextReplacementAt } from "./lifetimes";

/** `order`: the CA's order id and DCV when advanceRequest left them to the recording (a bulk run's deferIssued). */
export type IssuedEntry = { requestId: string; certificate: IssuedCertificate; order?: IssuedOrder };

export async function recordIssued(tx: Tx, requestId: string, cert: IssuedCertificate, now = new Date()) {
  const ids = await recordIssuedMany(tx, [{ requestId, certificate: cert }], now);
  return ids.get(requestId) as string;
}

/** Records each entry's certificate (once: one already recorded keeps its id); request id → certificate id. */
export async function recordIssuedMany(tx: Tx, entries: IssuedEntry[], now = new Date()): Promise<Map<string, string>> {
  const requests = await tx.certificateRequest.findMany({
    where: { id: { in: entries.map((e) => e.requestId) } },
    include: { subscription: true, certificate: { select: { id: true } } },
  });
  const requestOf = new Map(requests.map((r) => [r.id, r]));
  const recorded = new Map<string, string>();
  type Fresh = {
    request: (typeof requests)[number];
    cert: IssuedCertificate;
    id: string;
    notAfter: Date;
    order?: IssuedOrder;
  };
  const fresh: Fresh[] = [];
  // Per subscription, the state it ends in: a later certificate of the same one sees the earlier's term.
  const subUpdates = new Map<string, { names: string[]; termEndsAt: Date; nextReplacementAt: Date | null }>();
  for (const { requestId, certificate: cert, order } of entries) {
    const request = requestOf.get(requestId);
    if (!request) throw new Error(`No certificate request ${requestId}.`);
    // Already recorded by another runner: nothing more to do.
    if (request.certificate || recorded.has(requestId)) {
      if (request.certificate) recorded.set(requestId, request.certificate.id);
      continue;
    }
    const sub = request.subscription;
    const notBefore = new Date(cert.notBefore);
    const notAfter = new Date(cert.notAfter);
    const termEndsAt = subUpdates.get(sub.id)?.termEndsAt ?? sub.termEndsAt ?? addYears(notBefore, sub.termYears);
    subUpdates.set(sub.id, {
      names: request.names,
      termEndsAt,
      nextReplacementAt: nextReplacementAt({ notBefore, notAfter }, termEndsAt),
    });
    const id = randomUUID();
    recorded.set(requestId, id);
    fresh.push({ request, cert, id, notAfter, order });
  }
  if (!fresh.length) return recorded;

  await tx.issuedCertificate.createMany({
    data: fresh.map(({ request, cert, id }) => ({
      id,
      subscriptionId: request.subscriptionId,
      requestId: request.id,
      resellerId: request.resellerId,
      caAdapter: request.caAdapter,
      serialNumber: cert.serialNumber,
      certificatePem: cert.certificatePem,
      chainPem: cert.chainPem.join("\n"),
      spkiSha256: cert.spkiSha256,
      names: request.names,
      notBefore: new Date(cert.notBefore),
      notAfter: new Date(cert.notAfter),
    })),
  });
  // With the CA's order id and DCV where the caller left them to this statement (no order: kept as they are).
  await tx.$executeRaw`
    update "CertificateRequest" as r
       set state = 'issued', "caOrderId" = coalesce(v.ca, r."caOrderId"), dcv = coalesce(v.dcv::jsonb, r.dcv),
           "lastPolledAt" = case when v.ca is null then r."lastPolledAt" else now() at time zone 'UTC' end,
           "rejectionReason" = case when v.ca is null then r."rejectionReason" end, "updatedAt" = now() at time zone 'UTC'
      from unnest(${fresh.map((f) => f.request.id)}::text[], ${fresh.map((f) => f.order?.caOrderId ?? null)}::text[],
                  ${fresh.map((f) => (f.order ? JSON.stringify(f.order.dcv) : null))}::text[]) as v(id, ca, dcv)
     where r.id = v.id`;
  const subs = [...subUpdates];
  // Names go as JSON (a text[] per row does not unnest); times as ISO text, stored in UTC as Prisma does;
  // no next replacement (the certificate reaches the term's end) as an empty text, stored as null.
  await tx.$executeRaw`
    update "CertificateSubscription" as s
       set state = 'active', names = array(select jsonb_array_elements_text(v.names::jsonb)),
           "termEndsAt" = v.term::timestamptz at time zone 'UTC',
           "nextReplacementAt" = nullif(v.next, '')::timestamptz at time zone 'UTC', "updatedAt" = now() at time zone 'UTC'
      from unnest(${subs.map(([id]) => id)}::text[], ${subs.map(([, u]) => JSON.stringify(u.names))}::text[],
                  ${subs.map(([, u]) => u.termEndsAt.toISOString())}::text[],
                  ${subs.map(([, u]) => u.nextReplacementAt?.toISOString() ?? "")}::text[]) as v(id, names, term, next)
     where s.id = v.id`;

  const replacing = fresh.filter((f) => f.request.replacesId);
  if (replacing.length) {
    const olds = new Map(
      (
        await tx.issuedCertificate.findMany({
          where: { id: { in: replacing.map((f) => f.request.replacesId as string) } },
          select: { id: true, status: true, revokeRequestedAt: true, revokedAt: true },
        })
      ).map((o) => [o.id, o]),
    );
    const rows = replacing.map((f) => {
      const old = olds.get(f.request.replacesId as string);
      if (!old) throw new Error(`No certificate ${f.request.replacesId} to replace.`);
      const revoke = f.request.purpose === "reissue" && !old.revokeRequestedAt && !old.revokedAt;
      return { id: old.id, status: old.status === "revoked" ? "revoked" : "replaced", by: f.id, revoke };
    });
    await tx.$executeRaw`
      update "IssuedCertificate" as c
         set status = v.status::"IssuedCertificateStatus", "replacedById" = v.by, "updatedAt" = now() at time zone 'UTC',
             "revokeRequestedAt" = case when v.revoke then ${now.toISOString()}::timestamptz at time zone 'UTC' else c."revokeRequestedAt" end,
             "revocationReason" = case when v.revoke then 'superseded' else c."revocationReason" end
        from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.status)}::text[],
                    ${rows.map((r) => r.by)}::text[], ${rows.map((r) => r.revoke)}::boolean[]) as v(id, status, by, revoke)
       where c.id = v.id`;
    // A registrant's own reissue (it has an order item) may answer a bulk run's request for a new key.
    for (const f of replacing)
      if (f.request.orderItemId && f.request.purpose === "reissue")
        await markNewKeySupplied(tx, f.request.replacesId as string, f.id);
  }

  const registrantIds = [
    ...new Set(
      fresh.flatMap((f) => (f.request.subscription.registrantId ? [f.request.subscription.registrantId] : [])),
    ),
  ];
  const [registrants, resellers] = await Promise.all([
    registrantIds.length
      ? tx.registrant.findMany({ where: { id: { in: registrantIds } }, select: { id: true, email: true, name: true } })
      : [],
    registrantIds.length
      ? tx.reseller.findMany({
          where: { id: { in: [...new Set(fresh.map((f) => f.request.resellerId))] } },
          select: { id: true, displayName: true },
        })
      : [],
  ]);
  const registrantOf = new Map(registrants.map((r) => [r.id, r]));
  const resellerName = new Map(resellers.map((r) => [r.id, r.displayName]));
  const mails: MailInput[] = [];
  for (const { request, cert, id, notAfter } of fresh) {
    const sub = request.subscription;
    const registrant = sub.registrantId ? registrantOf.get(sub.registrantId) : undefined;
    if (registrant)
      mails.push(
        issuanceMail(
          {
            resellerId: request.resellerId,
            names: request.names,
            notAfter,
            certificatePem: cert.certificatePem,
            chainPem: cert.chainPem,
            purpose: request.purpose,
          },
          registrant,
          resellerName.get(request.resellerId) ?? "",
        ),
      );
    await recordAudit(tx, systemContext(request.resellerId), {
      action: "ssl.certificate.issued",
      entity: "issuedCertificate",
      entityId: id,
      resellerId: request.resellerId,
      after: {
        subscriptionId: sub.id,
        purpose: request.purpose,
        serialNumber: cert.serialNumber,
        names: request.names,
        notAfter,
        spkiSha256: cert.spkiSha256,
        replaces: request.replacesId,
      },
    });
  }
  await queueMails(tx, mails);
  return recorded;
}
