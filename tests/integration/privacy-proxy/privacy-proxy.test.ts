import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { encodeSession, sessionCookieName } from "@/server/auth/session-token";
import { setPrivacy } from "@/server/domains/manage/set-privacy";
import { relayPrivacyMail } from "@/server/privacy-proxy/relay-mail";
import { createLifecycleWorld, createRegistrant, startTestSession, type LifecycleWorld } from "../../support/factories";
import { ALICE, domainWithContact } from "../domains/contacts/contact-world";
import { domainProfileProblems } from "../rdap/support/rdap-profile";
import { schemaErrors } from "../rdap/support/rdap-schema";
import { startRdapServer, type RdapServer } from "../rdap/support/rdap-server";

const SERVICE = "Example Registrar Inc. Privacy Service";
const RDAP_BASE = "https://rdap.registrar.example/";

let server: RdapServer;
let world: LifecycleWorld;
beforeAll(async () => {
  server = await startRdapServer(6240);
});
afterAll(async () => server.close());
beforeEach(async () => {
  world = await createLifecycleWorld({ tlds: ["io", "com"] });
  const registrar = {
    legalName: "Example Registrar Inc.",
    ianaId: 9999,
    abuseEmail: "abuse@registrar.example",
    abusePhone: "+1.5555550100",
    rdapBaseUrl: RDAP_BASE,
    resellerDisclosure: "Registered through Example Registrar Inc.",
  };
  await db.registrar.upsert({ where: { id: "registrar" }, update: registrar, create: registrar });
});
afterEach(async () => world.close());

type Json = Record<string, unknown>;

async function rdap(name: string, opts: { host: string; cookie?: string }) {
  const headers: Record<string, string> = { "x-forwarded-host": opts.host, accept: "application/rdap+json" };
  if (opts.cookie) headers.cookie = opts.cookie;
  const res = await fetch(`${server.url}/rdap/domain/${name}`, { headers });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Json };
}

function vcard(body: Json, role: string, prop: string): unknown {
  const e = (body.entities as Json[]).find((x) => (x.roles as string[]).includes(role));
  return (e?.vcardArray as [string, unknown[][]] | undefined)?.[1].find((p) => p[0] === prop)?.[3];
}

async function registrantWithName() {
  const { registrant, ctx } = await createRegistrant(world.reseller.id, { email: ALICE.email, name: ALICE.name });
  const domain = await domainWithContact(world, { tld: "io", registrantId: registrant.id });
  const claims = await startTestSession({
    kind: "registrant",
    sub: registrant.id,
    resellerId: world.reseller.id,
    host: world.reseller.host,
    sv: 0,
  });
  const cookie = `${sessionCookieName()}=${await encodeSession(claims)}`;
  return { ctx, domain, cookie };
}

function relayMessage(subject: string): string {
  return [
    "From: Bob Buyer <bob@offers.example>",
    "To: someone",
    `Subject: ${subject}`,
    "Message-ID: <offer-1@offers.example>",
    "",
    "Would you sell this name?",
  ].join("\r\n");
}

describe("privacy and proxy service", () => {
  it("puts the proxy at the registry and in public RDAP when the registrant turns privacy on, and shows the registrant their own data", async () => {
    const { ctx, domain, cookie } = await registrantWithName();
    const before = await world.platform.infoDomain({ name: domain.name });

    const out = await setPrivacy(ctx, { domainId: domain.id, enabled: true });
    expect(out.message).toContain("Privacy is on");

    const at = await world.platform.infoDomain({ name: domain.name });
    expect(at.data.registrant).not.toBe(before.data.registrant);
    const proxy = await world.platform.infoContact({ id: at.data.registrant ?? "" });
    expect(proxy.data.postal[0].name).toBe(SERVICE);
    expect(proxy.data.email).not.toBe(ALICE.email);
    const tech = at.data.contacts.filter((c) => c.type === "tech").map((c) => c.id);
    expect(tech).toEqual([at.data.registrant]);
    // Admin was not a role RDAP shows; it keeps the customer's object.
    expect(at.data.contacts.find((c) => c.type === "admin")?.id).toBe(before.data.registrant);

    const anonymous = await rdap(domain.name, { host: "localhost:3000" });
    expect(anonymous.status).toBe(200);
    expect(schemaErrors("rdap_domain.json", anonymous.body)).toEqual([]);
    expect(
      domainProfileProblems(anonymous.body, {
        requestUrl: `http://localhost:3000/rdap/domain/${domain.name}`,
        ianaId: 9999,
        about: RDAP_BASE,
      }),
    ).toEqual([]);
    expect(vcard(anonymous.body, "registrant", "fn")).toBe(SERVICE);
    const relay = (await db.privacyProxyDomain.findUniqueOrThrow({ where: { domainId: domain.id } })).relayToken;
    expect(vcard(anonymous.body, "registrant", "email")).toBe(`privacy+${relay}@registrar.example`);
    for (const secret of [ALICE.name, ALICE.email, ALICE.street1, ALICE.postalCode])
      expect(anonymous.text).not.toContain(secret);

    const own = await rdap(domain.name, { host: world.reseller.host, cookie });
    expect(vcard(own.body, "registrant", "fn")).toBe(ALICE.name);
    expect(vcard(own.body, "registrant", "email")).toBe(ALICE.email);
    expect(own.text).toContain("Privacy is on: everyone else sees the privacy service");

    const ops = await db.domainOperation.findMany({ where: { domainId: domain.id }, orderBy: { at: "asc" } });
    expect(ops.map((o) => [o.operation, o.code])).toEqual([
      ["createContact", 1000],
      ["updateDomain", 1000],
    ]);
    expect(await db.auditEntry.count({ where: { action: "domain.privacy.on", entityId: domain.id } })).toBe(1);
  });

  it("forwards mail sent to the relay address to the registrant, logged without its sender, and stops when privacy is off", async () => {
    const { ctx, domain } = await registrantWithName();
    await setPrivacy(ctx, { domainId: domain.id, enabled: true });
    const { relayToken } = await db.privacyProxyDomain.findUniqueOrThrow({ where: { domainId: domain.id } });
    const address = `privacy+${relayToken}@registrar.example`;

    expect(await relayPrivacyMail(address, relayMessage("Offer"))).toEqual({ relayed: true, domain: domain.name });
    const mail = await db.outboxMail.findFirstOrThrow({ where: { kind: "privacy_relay" } });
    expect(mail.toAddress).toBe(ALICE.email);
    expect(mail.subject).toBe(`[${domain.name}] Offer`);
    expect(mail.textBody).toContain("Would you sell this name?");
    const log = await db.auditEntry.findFirstOrThrow({ where: { action: "privacy.relay", entityId: domain.id } });
    expect(JSON.stringify(log.after)).not.toContain("bob@offers.example");

    expect(await relayPrivacyMail(`privacy+nosuchtoken1@registrar.example`, relayMessage("x"))).toEqual({
      relayed: false,
      reason: "unknown relay address",
    });

    const first = await world.platform.infoDomain({ name: domain.name });
    await setPrivacy(ctx, { domainId: domain.id, enabled: false });
    const back = await world.platform.infoDomain({ name: domain.name });
    const customer = await db.contactHandle.findFirstOrThrow({
      where: { contactId: domain.registrantContactId ?? "" },
    });
    expect(back.data.registrant).toBe(customer.handle);
    expect(back.data.contacts.filter((c) => c.type === "tech").map((c) => c.id)).toEqual([customer.handle]);
    expect(first.data.registrant).not.toBe(customer.handle);

    expect(await relayPrivacyMail(address, relayMessage("Again"))).toEqual({
      relayed: false,
      reason: "privacy is off for this name",
    });
    expect(await db.outboxMail.count({ where: { kind: "privacy_relay" } })).toBe(1);
    const anonymous = await rdap(domain.name, { host: "localhost:3000" });
    expect(vcard(anonymous.body, "registrant", "fn")).toBe("");
  });

  it("keeps only the relay for a thin registry, which holds no contacts", async () => {
    const { registrant, ctx } = await createRegistrant(world.reseller.id, { email: ALICE.email });
    const domain = await domainWithContact(world, { tld: "com", registrantId: registrant.id });
    await setPrivacy(ctx, { domainId: domain.id, enabled: true });
    expect(await db.domainOperation.count({ where: { domainId: domain.id } })).toBe(0);
    const row = await db.privacyProxyDomain.findUniqueOrThrow({ where: { domainId: domain.id } });
    expect([row.registry, row.proxyHandle, row.enabledAt !== null]).toEqual([null, null, true]);
    const anonymous = await rdap(domain.name, { host: "localhost:3000" });
    expect(vcard(anonymous.body, "registrant", "fn")).toBe(SERVICE);
    expect(vcard(anonymous.body, "registrant", "email")).toBe(`privacy+${row.relayToken}@registrar.example`);
  });
});
