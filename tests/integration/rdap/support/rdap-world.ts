/** A registrar, a reseller, a registrant with a signed-in session, and a .org name of theirs. */
import { db } from "@/server/db";
import { encodeSession, sessionCookieName } from "@/server/auth/session-token";
import { createRegistrant, createReseller, createTldProduct, startTestSession } from "../../../support/factories";

export const IANA_ID = 9999;
export const RDAP_BASE = "https://rdap.registrar.example/";
export const CONSOLE = "localhost:3000";
export const ORG_REGISTRY_RDAP = "https://rdap.org-registry.example/rdap/";

export const RITA = {
  name: "Rita Registrant",
  organization: "Rita's Bakery",
  email: "rita@home.example",
  phone: "+44.2071234567",
  street1: "12 Baker Street",
  street2: "Flat 3",
  city: "London",
  state: "England",
  postalCode: "NW1 6XE",
  countryCode: "GB",
};

export async function createRdapWorld(opts: { privacy?: boolean; name?: string; unicodeName?: string } = {}) {
  const registrarData = {
    legalName: "Example Registrar Inc.",
    ianaId: IANA_ID,
    abuseEmail: "abuse@registrar.example",
    abusePhone: "+1.5555550100",
    rdapBaseUrl: RDAP_BASE,
    resellerDisclosure: "Registered through Example Registrar Inc.",
  };
  await db.registrar.upsert({ where: { id: "registrar" }, update: registrarData, create: registrarData });
  const org = await createTldProduct("org", 1_130, { operator: "pir-sim" });
  await db.product.update({ where: { id: org.id }, data: { details: { rdapBaseUrl: ORG_REGISTRY_RDAP } } });
  const acme = await createReseller({ slug: "acme" });
  const { registrant } = await createRegistrant(acme.id, { name: RITA.name, email: RITA.email });
  const contact = await db.contact.create({ data: { resellerId: acme.id, registrantId: registrant.id, ...RITA } });
  const name = opts.name ?? "bakery-rdap.org";
  const domain = await db.domain.create({
    data: {
      resellerId: acme.id,
      registrantId: registrant.id,
      name,
      unicodeName: opts.unicodeName ?? name,
      tld: "org",
      state: "active",
      registryStatuses: ["clientTransferProhibited", "clientDeleteProhibited"],
      roid: "D1234-EXAMPLE",
      registeredAt: new Date("2025-03-01T10:00:00Z"),
      expiresAt: new Date("2027-03-01T10:00:00Z"),
      privacy: opts.privacy ?? false,
      nameservers: [`ns1.${name}`, "ns2.dns-hosting.example"],
      dsRecords: [
        {
          keyTag: 12345,
          alg: 13,
          digestType: 2,
          digest: "3d4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f",
        },
      ],
      registrantContactId: contact.id,
      techContactId: contact.id,
    },
  });
  await db.host.create({
    data: { domainId: domain.id, name: `ns1.${name}`, addresses: ["192.0.2.53", "2001:db8::53"] },
  });
  const claims = await startTestSession({
    kind: "registrant",
    sub: registrant.id,
    resellerId: acme.id,
    host: acme.host,
    sv: 0,
  });
  const cookie = `${sessionCookieName()}=${await encodeSession(claims)}`;
  return { acme, registrant, contact, domain, cookie };
}
