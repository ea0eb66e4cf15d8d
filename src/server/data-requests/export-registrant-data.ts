/**
 * Everything we hold about one registrant, as JSON (GDPR Art. 15 and 20): each model of
 * REGISTRANT_DATA_MAP that is exported, found through the registrant's own id, contacts, domains,
 * orders and certificates, and nothing found another way, so no other person's rows slip in. Secrets
 * (password and token hashes, auth codes, mailed links, second-factor secrets, recovery-code hashes and
 * passkeys' keys)
 * are left out; so is whoever reported abuse.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { requireRegistrarReader } from "@/server/tenancy/guards";
import { REGISTRANT_DATA_MAP } from "./registrant-data-map";

type Rows = Record<string, unknown>[];
export type RegistrantExport = { exportedAt: string; registrantId: string; data: Record<string, Rows> };

const omit = <T extends object>(rows: T[], ...keys: string[]): Rows =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))));

/** Who may read an export: the registrant themself, registrar staff, the system. */
function assertMayExport(ctx: ActorContext, registrantId: string): void {
  if (ctx.kind === "registrant" && ctx.actorId === registrantId) return;
  if (ctx.kind === "registrant" || ctx.kind === "user") throw new AppError("NOT_FOUND");
  requireRegistrarReader(ctx);
}

export async function exportRegistrantData(ctx: ActorContext, registrantId: string): Promise<RegistrantExport> {
  assertMayExport(ctx, registrantId);
  const registrant = await db.registrant.findUnique({ where: { id: registrantId } });
  if (!registrant) throw new AppError("NOT_FOUND");
  const resellerId = registrant.resellerId;

  const domains = await db.domain.findMany({ where: { registrantId, resellerId }, orderBy: { name: "asc" } });
  const domainIds = domains.map((d) => d.id);
  const contactIdsOfDomains = domains.flatMap((d) =>
    [d.registrantContactId, d.adminContactId, d.techContactId, d.billingContactId].filter((x): x is string => !!x),
  );
  const contacts = await db.contact.findMany({
    where: { resellerId, OR: [{ registrantId }, { id: { in: contactIdsOfDomains } }] },
    orderBy: { createdAt: "asc" },
  });
  const contactIds = contacts.map((c) => c.id);
  const orders = await db.order.findMany({ where: { registrantId, resellerId }, orderBy: { createdAt: "asc" } });
  const orderIds = orders.map((o) => o.id);
  const orderItems = await db.orderItem.findMany({ where: { orderId: { in: orderIds } } });
  const itemIds = orderItems.map((i) => i.id);
  const certificates = await db.certificateSubscription.findMany({ where: { registrantId, resellerId } });
  const subscriptionIds = certificates.map((c) => c.id);
  const emails = [...new Set([registrant.email, ...contacts.map((c) => c.email)])];
  const own = new Set(contactIds);

  const [
    sessions,
    passwordResets,
    contactHandles,
    contactVerifications,
    contactVerificationLinks,
    wapsHolds,
    hosts,
    registryOperations,
    domainLifecycle,
    renewalNotices,
    registrantChanges,
    orderItemHistory,
    payments,
    mails,
    auditTrail,
    abuseReports,
    abuseHolds,
    dataRequests,
    certificateRequests,
    issuedCertificates,
    trademarks,
    secondFactor,
    recoveryCodes,
    passkeys,
    launchInterests,
  ] = await Promise.all([
    db.session.findMany({ where: { registrantId } }),
    db.passwordResetToken.findMany({ where: { subject: "registrant", subjectId: registrantId } }),
    db.contactHandle.findMany({ where: { contactId: { in: contactIds } } }),
    db.contactVerification.findMany({ where: { contactId: { in: contactIds } } }),
    db.contactVerificationToken.findMany({ where: { contactId: { in: contactIds } } }),
    db.wapsHold.findMany({ where: { domainId: { in: domainIds } } }),
    db.host.findMany({ where: { domainId: { in: domainIds } } }),
    db.domainOperation.findMany({ where: { domainId: { in: domainIds } }, orderBy: { at: "asc" } }),
    db.domainLifecycle.findMany({ where: { domainId: { in: domainIds } } }),
    db.renewalNotice.findMany({ where: { domainId: { in: domainIds } } }),
    db.registrantChange.findMany({
      where: { OR: [{ priorContactId: { in: contactIds } }, { newContactId: { in: contactIds } }] },
    }),
    db.orderItemTransition.findMany({ where: { itemId: { in: itemIds } } }),
    db.payment.findMany({ where: { orderId: { in: orderIds } } }),
    db.outboxMail.findMany({ where: { resellerId, toAddress: { in: emails } }, orderBy: { createdAt: "asc" } }),
    db.auditEntry.findMany({
      where: {
        OR: [{ actorId: registrantId }, { entityId: { in: [registrantId, ...domainIds, ...contactIds, ...orderIds] } }],
      },
      orderBy: { at: "asc" },
      select: {
        seq: true,
        at: true,
        action: true,
        entity: true,
        entityId: true,
        actorType: true,
        before: true,
        after: true,
      },
    }),
    db.abuseReport.findMany({
      where: { domainId: { in: domainIds } },
      select: {
        reference: true,
        category: true,
        domainName: true,
        status: true,
        receivedAt: true,
        closedAt: true,
        outcome: true,
      },
    }),
    db.abuseHold.findMany({ where: { domainId: { in: domainIds } } }),
    db.dataRequest.findMany({ where: { registrantId } }),
    db.certificateRequest.findMany({ where: { subscriptionId: { in: subscriptionIds } } }),
    db.issuedCertificate.findMany({ where: { subscriptionId: { in: subscriptionIds } } }),
    db.tmchMark.findMany({ where: { registrantId, resellerId } }),
    // lastStep is the replay guard's time step: a credential detail like the secret, so neither leaves.
    db.registrantTotp.findMany({ where: { registrantId }, select: { createdAt: true, enabledAt: true } }),
    db.registrantRecoveryCode.findMany({
      where: { registrantId },
      select: { createdAt: true, usedAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.registrantPasskey.findMany({
      where: { registrantId, resellerId },
      select: { name: true, rpId: true, transports: true, createdAt: true, lastUsedAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.launchInterest.findMany({
      where: { resellerId, OR: [{ registrantId }, { email: { in: emails } }] },
      orderBy: { createdAt: "asc" },
    }),
  ]);

  const data: Record<string, Rows> = {
    account: omit([registrant], "passwordHash", "sessionVersion"),
    sessions: omit(sessions, "id"),
    passwordResets: omit(passwordResets, "tokenHash"),
    contacts,
    contactHandles,
    contactVerifications,
    contactVerificationLinks: omit(contactVerificationLinks, "tokenHash"),
    wapsHolds,
    domains: omit(domains, "authInfoEnc"),
    hosts,
    registryOperations,
    domainLifecycle,
    renewalNotices,
    // The other party of a change of registrant is someone else: only our side is shown.
    registrantChanges: registrantChanges.map((c) => ({
      ...omit([c], "priorTokenHash", "newTokenHash")[0],
      priorEmail: c.priorContactId && own.has(c.priorContactId) ? c.priorEmail : null,
      newContact: c.newContactId && own.has(c.newContactId) ? c.newContact : null,
    })),
    orders,
    orderItems,
    orderItemHistory,
    payments: omit(payments, "checkoutUrl"),
    mails: omit(mails, "secretText", "secretHtml"),
    auditTrail,
    abuseReports,
    abuseHolds,
    dataRequests: omit(dataRequests, "confirmTokenHash"),
    certificates,
    certificateRequests,
    issuedCertificates,
    trademarks,
    secondFactor,
    recoveryCodes,
    passkeys,
    launchInterests,
  };
  // The map and the export must agree: an exported model without rows here is a bug, not a gap.
  for (const rule of Object.values(REGISTRANT_DATA_MAP))
    if ("export" in rule && !(rule.export in data)) throw new Error(`export misses ${rule.export}`);
  return { exportedAt: new Date().toISOString(), registrantId, data };
}

/** The export as a JSON document (BigInt ids and sequence numbers as strings, binary as base64). */
export function exportJson(e: RegistrantExport): string {
  return JSON.stringify(
    e,
    (_k, v: unknown) =>
      typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString("base64") : v,
    2,
  );
}
