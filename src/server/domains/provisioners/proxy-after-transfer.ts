/**
 * Privacy bought with a transfer in reaches the registry when the transfer completes. A transferred
 * name arrives holding the losing registrar's contact objects, which we may not even link to; so the
 * proxy service becomes registrant and technical contact, the customer's own object admin (as a name
 * registered with privacy is created, decision 116), and every other inherited contact goes. Run as a
 * job queued in the transaction that completes the transfer, so the registry commands happen outside
 * it and are retried when the registry is away (decision 127).
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import { defineJob } from "@/server/jobs/define-job";
import { withRegistry } from "@/server/registry/access";
import type { ContactLink } from "@/server/registry";
import { registryContactsFor } from "@/lib/contact-rules";
import { ensureContact } from "./registry-objects";
import { ensureProxyAt } from "./proxy-object";

/** The relay address RDAP publishes from the moment the name is ours; kept if it exists. */
export async function ensureRelayRow(tx: Tx, domain: { id: string; resellerId: string }): Promise<void> {
  await tx.privacyProxyDomain.upsert({
    where: { domainId: domain.id },
    create: { domainId: domain.id, resellerId: domain.resellerId, relayToken: randomBytes(9).toString("base64url") },
    update: {},
  });
}

async function registryOf(tld: string): Promise<{ operator: string; holdsContacts: boolean }> {
  const p = await db.product.findUnique({ where: { code: tld }, select: { registryOperator: true, details: true } });
  const details = p?.details && typeof p.details === "object" && !Array.isArray(p.details) ? p.details : {};
  const override = (details as Record<string, unknown>).contacts;
  return { operator: p?.registryOperator ?? tld, holdsContacts: registryContactsFor(tld, override) !== "prohibited" };
}

const key = (c: ContactLink) => `${c.type}:${c.id}`;

/** Returns what was done, in words (the job's log and the tests read it). */
export async function placeProxyAfterTransferIn(domainId: string): Promise<string> {
  const domain = await db.domain.findUnique({ where: { id: domainId } });
  if (!domain || domain.state !== "active" || !domain.privacy) return "privacy is not on for an active name";
  await ensureRelayRow(db, domain);
  const relay = await db.privacyProxyDomain.findUniqueOrThrow({ where: { domainId } });
  // The toggle, or an earlier run whose database write followed, placed it already.
  if (relay.proxyHandle) return `the proxy ${relay.proxyHandle} is in place`;
  const { operator, holdsContacts } = await registryOf(domain.tld);
  const now = new Date();
  if (!holdsContacts) {
    await db.privacyProxyDomain.update({ where: { domainId }, data: { enabledAt: relay.enabledAt ?? now } });
    return "the registry holds no contacts: the relay address alone";
  }
  const ctx = systemContext(domain.resellerId);
  const placed = await withRegistry(
    { resellerId: domain.resellerId, actor: ctx, domainName: domain.name },
    async (r) => {
      const port = r.forDomain(domain.name);
      const { data: info } = await port.infoDomain({ name: domain.name, hosts: "none" });
      const proxy = await ensureProxyAt(port, operator);
      const admin = domain.registrantContactId
        ? await ensureContact(port, operator, domain.registrantContactId)
        : proxy;
      const wanted: ContactLink[] = [
        { type: "admin", id: admin },
        { type: "tech", id: proxy },
      ];
      const add = wanted.filter((w) => !info.contacts.some((c) => key(c) === key(w)));
      const remove = info.contacts.filter((c) => !wanted.some((w) => key(w) === key(c)));
      // Asked first, so a run after a lost answer sends nothing the registry already holds.
      const sent = info.registrant !== proxy || add.length > 0 || remove.length > 0;
      if (sent)
        await port.updateDomain({
          name: domain.name,
          registrant: info.registrant === proxy ? undefined : proxy,
          add: { contacts: add },
          remove: { contacts: remove },
        });
      return { proxy, replaced: remove.map(key) };
    },
  );
  await db.$transaction(async (tx) => {
    await tx.privacyProxyDomain.update({
      where: { domainId },
      data: { registry: operator, proxyHandle: placed.proxy, enabledAt: now },
    });
    // Our row names the customer in every role, as a registration leaves it; the proxy is in PrivacyProxyDomain.
    await tx.domain.update({
      where: { id: domainId },
      data: { adminContactId: domain.registrantContactId, techContactId: domain.registrantContactId },
    });
    await recordAudit(tx, ctx, {
      action: "domain.privacy.placed",
      entity: "domain",
      entityId: domainId,
      resellerId: domain.resellerId,
      after: { proxyHandle: placed.proxy, replacedContacts: placed.replaced, after: "transfer_in" },
    });
  });
  return `the proxy ${placed.proxy} is registrant and technical contact`;
}

export const placeProxyAfterTransferJob = defineJob({
  name: "domains.privacy-after-transfer-in",
  payload: z.object({ domainId: z.string() }),
  retry: { limit: 8, delaySeconds: 60, backoff: true },
  handler: async ({ domainId }) => void (await placeProxyAfterTransferIn(domainId)),
});
