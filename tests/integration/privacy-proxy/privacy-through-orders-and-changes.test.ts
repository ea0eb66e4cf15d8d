/**
 * Privacy reaches the registry on every path, not only the toggle: a name bought with privacy is created
 * with the proxy as registrant, and a change of registrant on a private name keeps the proxy there.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { answerRdap } from "@/server/rdap/answer-rdap";
import { setPrivacy } from "@/server/domains/manage/set-privacy";
import { updateDomainContact } from "@/server/domains/manage/contacts/update-domain-contact";
import { answerRegistrantChange } from "@/server/domains/manage/contacts/answer-registrant-change";
import {
  createDomainCatalog,
  createDomainReseller,
  createLifecycleWorld,
  createRegistrant,
  createStaff,
  startInProcessRegistry,
  type LifecycleWorld,
  type TestRegistry,
} from "../../support/factories";
import { ALICE, domainWithContact, linkFor } from "../domains/contacts/contact-world";
import { buyAsRegistrant, clearFulfilmentQueue, CONTACT, drainFulfilment } from "../domains/fulfilment/helpers";

const SERVICE = "Example Registrar Inc. Privacy Service";
const BOB = { ...ALICE, name: "Bob Buyer", organization: "", email: "bob@example.test" };

async function withRegistrar() {
  const registrar = {
    legalName: "Example Registrar Inc.",
    ianaId: 9999,
    abuseEmail: "abuse@registrar.example",
    abusePhone: "+1.5555550100",
    rdapBaseUrl: "https://rdap.registrar.example/",
    resellerDisclosure: "Registered through Example Registrar Inc.",
  };
  await db.registrar.upsert({ where: { id: "registrar" }, update: registrar, create: registrar });
}

type Json = Record<string, unknown>;
async function publicRdap(name: string): Promise<{ text: string; registrantName: unknown }> {
  const res = await answerRdap(
    new Request(`http://localhost:3000/rdap/domain/${name}`, {
      headers: { accept: "application/rdap+json", "x-forwarded-for": "203.0.113.9" },
    }),
  );
  const text = await res.text();
  const body = JSON.parse(text) as Json;
  const e = (body.entities as Json[]).find((x) => (x.roles as string[]).includes("registrant"));
  const fn = (e?.vcardArray as [string, unknown[][]] | undefined)?.[1].find((p) => p[0] === "fn")?.[3];
  return { text, registrantName: fn };
}

describe("privacy bought at checkout", () => {
  let reg: TestRegistry | undefined;
  beforeEach(clearFulfilmentQueue);
  afterEach(async () => {
    await reg?.close();
    reg = undefined;
  });

  it("creates the name with the proxy as registrant and tech, so neither the registry nor RDAP ever shows the buyer", async () => {
    await createDomainCatalog();
    await withRegistrar();
    const reseller = await createDomainReseller({ wholesale: 1_500, balance: 100_000 });
    const { ctx } = await createRegistrant(reseller.id);
    reg = startInProcessRegistry();
    const order = await buyAsRegistrant(ctx, {
      idempotencyKey: "privacy-order-01",
      items: [{ name: "quiet-buyer.org", kind: "register", years: 1, privacy: true }],
    });
    await drainFulfilment();
    const items = await db.orderItem.findMany({ where: { orderId: order.id }, orderBy: { kind: "asc" } });
    expect(items.map((i) => [i.kind, i.state])).toEqual([
      ["domain_register", "completed"],
      ["privacy", "completed"],
    ]);

    const atRegistry = reg.registry.store.domains.get("quiet-buyer.org");
    const proxy = reg.registry.store.contacts.get(atRegistry?.registrant ?? "");
    expect(proxy?.postalInfo[0].name).toBe(SERVICE);
    expect(atRegistry?.contacts.find((c) => c.type === "tech")?.id).toBe(atRegistry?.registrant);
    // Admin keeps the buyer's own object, which turning privacy off puts back as registrant.
    const admin = reg.registry.store.contacts.get(atRegistry?.contacts.find((c) => c.type === "admin")?.id ?? "");
    expect(admin?.email).toBe(CONTACT.email);

    const domain = await db.domain.findUniqueOrThrow({ where: { name: "quiet-buyer.org" } });
    const row = await db.privacyProxyDomain.findUniqueOrThrow({ where: { domainId: domain.id } });
    expect(row.proxyHandle).toBe(atRegistry?.registrant);
    const ops = await db.domainOperation.findMany({ where: { domainId: domain.id } });
    expect(ops.filter((o) => o.operation === "updateDomain")).toEqual([]);

    const rdap = await publicRdap("quiet-buyer.org");
    expect(rdap.registrantName).toBe(SERVICE);
    expect(rdap.text).not.toContain(CONTACT.email);
    expect(rdap.text).not.toContain(CONTACT.name);

    const off = await setPrivacy(ctx, { domainId: domain.id, enabled: false });
    expect(off.message).toContain("Privacy is off");
    const back = reg.registry.store.domains.get("quiet-buyer.org");
    expect(reg.registry.store.contacts.get(back?.registrant ?? "")?.email).toBe(CONTACT.email);
  });
});

describe("change of registrant on a private name", () => {
  let world: LifecycleWorld;
  beforeEach(async () => {
    world = await createLifecycleWorld({ tlds: ["io"] });
    await withRegistrar();
  });
  afterEach(async () => world.close());

  it("keeps the proxy at the registry and in RDAP; the new registrant's details stay behind it and return when privacy goes off", async () => {
    const owner = (await createStaff(world.reseller.id, "owner")).ctx;
    const d = await domainWithContact(world, { tld: "io" });
    await setPrivacy(owner, { domainId: d.id, enabled: true });
    const proxyHandle = (await world.platform.infoDomain({ name: d.name })).data.registrant;

    await updateDomainContact(owner, { domainId: d.id, role: "registrant", contact: BOB });
    const prior = await linkFor(ALICE.email);
    const next = await linkFor(BOB.email);
    await answerRegistrantChange(world.reseller.id, { id: prior.id, token: prior.token, decision: "confirm" });
    const done = await answerRegistrantChange(world.reseller.id, {
      id: next.id,
      token: next.token,
      decision: "confirm",
    });
    expect(done.completed).toBe(true);

    const info = await world.platform.infoDomain({ name: d.name });
    expect(info.data.registrant).toBe(proxyHandle);
    expect(info.data.contacts.find((c) => c.type === "tech")?.id).toBe(proxyHandle);
    const row = await db.domain.findUniqueOrThrow({ where: { id: d.id } });
    expect(row.privacy).toBe(true);
    const bob = await db.contact.findUniqueOrThrow({ where: { id: row.registrantContactId ?? "" } });
    expect(bob.email).toBe(BOB.email);
    // Admin moved with the registrant (it shared the prior registrant's row), as without privacy.
    const bobHandle = await db.contactHandle.findFirstOrThrow({ where: { contactId: bob.id } });
    expect(info.data.contacts.find((c) => c.type === "admin")?.id).toBe(bobHandle.handle);

    const rdap = await publicRdap(d.name);
    expect(rdap.registrantName).toBe(SERVICE);
    expect(rdap.text).not.toContain(BOB.email);

    await setPrivacy(owner, { domainId: d.id, enabled: false });
    const back = await world.platform.infoDomain({ name: d.name });
    expect(back.data.registrant).toBe(bobHandle.handle);
    expect(back.data.contacts.find((c) => c.type === "tech")?.id).toBe(bobHandle.handle);
  });
});
