/**
 * The proxy service at the registry. While privacy is on, the registry's record names the service's
 * own contact object as registrant and technical contact, so the registry's RDAP and any thick
 * registry's data never carry the customer (RAA privacy/proxy specification: the service is the
 * registered name holder of record). Our Domain row keeps the customer's contacts: they are the
 * underlying data escrow deposits and the customer's own views need. Thin registries hold no contacts,
 * so only the relay row is kept for them.
 */
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { registryContactsFor } from "@/lib/contact-rules";
import type { ContactInput, ContactLink } from "@/server/registry";
import { callRegistry, RegistryRefusal } from "@/server/registry/access";
import { privacyServiceContact } from "@/server/rdap/privacy-service";
import type { Domain } from "@/generated/prisma/client";

async function operatorOf(domain: Domain): Promise<{ operator: string; holdsContacts: boolean }> {
  const p = await db.product.findUnique({
    where: { code: domain.tld },
    select: { registryOperator: true, details: true },
  });
  const override =
    p?.details && typeof p.details === "object" && !Array.isArray(p.details)
      ? (p.details as Record<string, unknown>).contacts
      : undefined;
  return {
    operator: p?.registryOperator ?? domain.tld,
    holdsContacts: registryContactsFor(domain.tld, override) !== "prohibited",
  };
}

/** EPP contact ids are 3 to 16 characters: one stable id per operator, so a retried create finds its object. */
export function proxyHandleFor(operator: string): string {
  return `PP-${createHash("sha256").update(operator).digest("hex").slice(0, 12)}`;
}

/** The service's contact object as a registry create takes it; shared with the order engine's provisioners. */
export async function proxyContactCreate(handle: string): Promise<ContactInput> {
  const registrar = await db.registrar.findFirstOrThrow({
    select: { legalName: true, ianaId: true, abuseEmail: true, abusePhone: true, rdapBaseUrl: true },
  });
  const service = privacyServiceContact(registrar);
  return {
    id: handle,
    postal: [
      {
        type: "int",
        name: service.name,
        org: service.organization || undefined,
        street: service.street,
        city: service.city,
        sp: service.state || undefined,
        pc: service.postalCode || undefined,
        cc: service.countryCode,
      },
    ],
    voice: service.phone,
    email: service.email,
    authInfo: randomBytes(12).toString("base64url"),
  };
}

async function ensureProxyObject(ctx: ActorContext, domain: Domain, operator: string): Promise<string> {
  const known = await db.privacyProxyObject.findUnique({ where: { registry: operator } });
  if (known) return known.handle;
  const handle = proxyHandleFor(operator);
  try {
    await callRegistry(ctx, domain, "createContact", await proxyContactCreate(handle), { detail: { id: handle } });
  } catch (e) {
    // 2302: an earlier attempt created it before its answer was lost.
    if (!(e instanceof RegistryRefusal && e.eppCode === 2302)) throw e;
  }
  await db.privacyProxyObject.upsert({
    where: { registry: operator },
    create: { registry: operator, handle },
    update: {},
  });
  return handle;
}

async function handleAt(contactId: string | null, operator: string): Promise<string | null> {
  if (!contactId) return null;
  const row = await db.contactHandle.findUnique({ where: { contactId_registry: { contactId, registry: operator } } });
  return row?.handle ?? null;
}

function techSwap(from: string | null, to: string | null): { add?: ContactLink[]; remove?: ContactLink[] } {
  if (!from || !to || from === to) return {};
  return { add: [{ type: "tech", id: to }], remove: [{ type: "tech", id: from }] };
}

async function relayRow(domain: Domain) {
  return db.privacyProxyDomain.upsert({
    where: { domainId: domain.id },
    create: { domainId: domain.id, resellerId: domain.resellerId, relayToken: randomBytes(9).toString("base64url") },
    update: {},
  });
}

/** Puts the proxy object in the customer's place at the registry. Returns the registry's words. */
export async function placeProxy(ctx: ActorContext, domain: Domain): Promise<string> {
  const row = await relayRow(domain);
  const { operator, holdsContacts } = await operatorOf(domain);
  const registrant = holdsContacts ? await handleAt(domain.registrantContactId, operator) : null;
  if (!registrant) {
    await db.privacyProxyDomain.update({ where: { domainId: row.domainId }, data: { enabledAt: new Date() } });
    return "";
  }
  const proxy = await ensureProxyObject(ctx, domain, operator);
  const tech = techSwap(await handleAt(domain.techContactId, operator), proxy);
  const r = await callRegistry(ctx, domain, "updateDomain", {
    name: domain.name,
    registrant: proxy,
    add: { contacts: tech.add },
    remove: { contacts: tech.remove },
  });
  await db.privacyProxyDomain.update({
    where: { domainId: row.domainId },
    data: { registry: operator, proxyHandle: proxy, enabledAt: new Date() },
  });
  return r.words;
}

/** Puts the customer's own contact objects back. */
export async function removeProxy(ctx: ActorContext, domain: Domain): Promise<string> {
  const row = await db.privacyProxyDomain.findUnique({ where: { domainId: domain.id } });
  if (!row) return "";
  let words = "";
  if (row.registry && row.proxyHandle) {
    const registrant = await handleAt(domain.registrantContactId, row.registry);
    if (registrant) {
      const tech = techSwap(row.proxyHandle, await handleAt(domain.techContactId, row.registry));
      const r = await callRegistry(ctx, domain, "updateDomain", {
        name: domain.name,
        registrant,
        add: { contacts: tech.add },
        remove: { contacts: tech.remove },
      });
      words = r.words;
    }
  }
  await db.privacyProxyDomain.update({
    where: { domainId: domain.id },
    data: { registry: null, proxyHandle: null, enabledAt: null },
  });
  return words;
}
