/**
 * Plain reads behind RDAP answers. Only names we sponsor are visible: a name still being created or
 * transferred in is not ours yet, and a deleted or transferred-away row is kept only for its history.
 */
import type { DomainState } from "@/generated/prisma/enums";
import { CONTACT_FIELDS } from "@/server/contacts/contact-fields";
import { db } from "@/server/db";

export const SPONSORED_STATES: DomainState[] = [
  "active",
  "expired",
  "redemption",
  "pending_delete",
  "pending_transfer_out",
];

export type RdapContact = {
  name: string;
  organization: string;
  email: string;
  phone: string;
  street: string[];
  city: string;
  state: string;
  postalCode: string;
  countryCode: string;
};

type ContactRow = {
  name: string;
  organization: string;
  email: string;
  phone: string;
  street1: string;
  street2: string;
  city: string;
  state: string;
  postalCode: string;
  countryCode: string;
};

function contactOf(row: ContactRow): RdapContact {
  return {
    name: row.name,
    organization: row.organization,
    email: row.email,
    phone: row.phone,
    street: [row.street1, row.street2].filter(Boolean),
    city: row.city,
    state: row.state,
    postalCode: row.postalCode,
    countryCode: row.countryCode,
  };
}

export type RdapRegistrar = {
  legalName: string;
  ianaId: number;
  abuseEmail: string;
  abusePhone: string;
  rdapBaseUrl: string;
};

export async function loadRegistrar(): Promise<RdapRegistrar | null> {
  return db.registrar.findUnique({
    where: { id: "registrar" },
    select: { legalName: true, ianaId: true, abuseEmail: true, abusePhone: true, rdapBaseUrl: true },
  });
}

export type RdapDomainData = NonNullable<Awaited<ReturnType<typeof loadSponsoredDomain>>>;

/** The proxy service's relay address for this name, published instead of the customer's email. */
async function relayTokenOf(domainId: string): Promise<string | null> {
  const row = await db.privacyProxyDomain.findUnique({ where: { domainId }, select: { relayToken: true } });
  return row?.relayToken ?? null;
}

export async function loadSponsoredDomain(name: string) {
  const domain = await db.domain.findUnique({
    where: { name },
    select: {
      id: true,
      name: true,
      unicodeName: true,
      tld: true,
      state: true,
      registryStatuses: true,
      roid: true,
      registeredAt: true,
      expiresAt: true,
      updatedAt: true,
      privacy: true,
      nameservers: true,
      dsRecords: true,
      resellerId: true,
      registrantId: true,
      registrantContactId: true,
      techContactId: true,
    },
  });
  if (!domain || !SPONSORED_STATES.includes(domain.state)) return null;
  const contactIds = [domain.registrantContactId, domain.techContactId].filter((id): id is string => id !== null);
  const [contacts, reseller, glue, product, relay] = await Promise.all([
    db.contact.findMany({ where: { id: { in: contactIds }, resellerId: domain.resellerId }, select: CONTACT_FIELDS }),
    db.reseller.findUnique({
      where: { id: domain.resellerId },
      select: { displayName: true, branding: { select: { supportEmail: true } } },
    }),
    db.host.findMany({ where: { name: { in: domain.nameservers } }, select: { name: true, addresses: true } }),
    db.product.findUnique({ where: { code: domain.tld }, select: { details: true } }),
    domain.privacy ? relayTokenOf(domain.id) : null,
  ]);
  const byId = new Map(contacts.map((c) => [c.id, contactOf(c)]));
  return {
    ...domain,
    registrant: domain.registrantContactId ? (byId.get(domain.registrantContactId) ?? null) : null,
    tech: domain.techContactId ? (byId.get(domain.techContactId) ?? null) : null,
    reseller: reseller && { displayName: reseller.displayName, supportEmail: reseller.branding?.supportEmail ?? null },
    glue: new Map(glue.map((h) => [h.name, h.addresses])),
    registryRdapBaseUrl: registryRdapBaseUrl(product?.details),
    relayToken: relay,
  };
}

/**
 * The TLD registry's RDAP base URL when the catalogue records one (`details.rdapBaseUrl` of the TLD's
 * product, https only, as IANA's bootstrap file would give it): the domain's "related" link.
 */
export function registryRdapBaseUrl(details: unknown): string | null {
  if (details === null || typeof details !== "object" || Array.isArray(details)) return null;
  const value = (details as Record<string, unknown>).rdapBaseUrl;
  if (typeof value !== "string" || value.length > 500) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" || url.search || url.hash) return null;
    return url.href.endsWith("/") ? url.href : `${url.href}/`;
  } catch {
    return null;
  }
}

/** A host object under a name we sponsor (glue we created), with that name's sponsorship checked. */
export async function loadSponsoredHost(name: string) {
  const host = await db.host.findUnique({
    where: { name },
    select: { name: true, addresses: true, updatedAt: true, domain: { select: { state: true } } },
  });
  if (!host || !SPONSORED_STATES.includes(host.domain.state)) return null;
  return { name: host.name, addresses: host.addresses, updatedAt: host.updatedAt };
}
