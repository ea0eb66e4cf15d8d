import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { updateDomainContact } from "@/server/domains/manage/contacts/update-domain-contact";
import { answerRegistrantChange } from "@/server/domains/manage/contacts/answer-registrant-change";
import { cancelRegistrantChange } from "@/server/domains/manage/contacts/cancel-registrant-change";
import { getDomainContacts } from "@/server/domains/manage/contacts/get-domain-contacts";
import { createLifecycleWorld, createStaff, type LifecycleWorld } from "../../../support/factories";
import { ALICE, domainWithContact, linkFor } from "./contact-world";

let world: LifecycleWorld;
beforeEach(async () => {
  world = await createLifecycleWorld({ tlds: ["com", "io"] });
});
afterEach(async () => world.close());

const owner = async () => (await createStaff(world.reseller.id, "owner")).ctx;
const BOB = { ...ALICE, name: "Bob Buyer", organization: "", email: "bob@example.test" };
const DAY = 86_400_000;

async function registrantAtRegistry(name: string) {
  const info = await world.platform.infoDomain({ name });
  const contact = await world.platform.infoContact({ id: info.data.registrant ?? "" });
  return {
    handle: info.data.registrant,
    name: contact.data.postal[0].name,
    email: contact.data.email,
    voice: contact.data.voice,
    contacts: info.data.contacts,
  };
}

describe("domain contacts", () => {
  it("sends a non-material registrant edit (phone, address) straight to the registry and records its answer", async () => {
    const ctx = await owner();
    const d = await domainWithContact(world, { tld: "io" });
    const out = await updateDomainContact(ctx, {
      domainId: d.id,
      role: "registrant",
      contact: { ...ALICE, phone: "+44 20 7946 0000", street1: "2 Low Road" },
    });
    expect(out.message).toContain("Registrant contact updated");
    expect((await registrantAtRegistry(d.name)).voice).toBe("+44.2079460000");
    const ops = await db.domainOperation.findMany({ where: { domainId: d.id } });
    expect(ops.map((o) => [o.operation, o.code])).toEqual([["updateContact", 1000]]);
    expect(await db.registrantChange.count()).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "domain.contact.registrant", entityId: d.id } })).toBe(1);
  });

  it("waits for both the prior and the new registrant before changing the registry, then sets the 60-day lock", async () => {
    const ctx = await owner();
    const d = await domainWithContact(world, { tld: "io" });
    const before = await registrantAtRegistry(d.name);
    const out = await updateDomainContact(ctx, { domainId: d.id, role: "registrant", contact: BOB });
    expect(out.message).toContain("both sides must confirm");
    expect((await registrantAtRegistry(d.name)).handle).toBe(before.handle);

    const prior = await linkFor(ALICE.email);
    const next = await linkFor(BOB.email);
    const host = await db.hostName.findFirstOrThrow({ where: { resellerId: world.reseller.id, kind: "platform" } });
    expect(prior.url.startsWith(`http://${host.host}/registrant-change/`)).toBe(true);
    const change = await db.registrantChange.findUniqueOrThrow({ where: { id: prior.id } });
    expect(change.priorTokenHash).not.toContain(prior.token);
    expect(JSON.stringify(change)).not.toContain(next.token);

    const first = await answerRegistrantChange(world.reseller.id, {
      id: prior.id,
      token: prior.token,
      decision: "confirm",
    });
    expect(first.completed).toBe(false);
    expect((await registrantAtRegistry(d.name)).handle).toBe(before.handle);

    const second = await answerRegistrantChange(world.reseller.id, {
      id: next.id,
      token: next.token,
      decision: "confirm",
    });
    expect(second.completed).toBe(true);
    const after = await registrantAtRegistry(d.name);
    expect(after.handle).not.toBe(before.handle);
    expect([after.name, after.email]).toEqual(["Bob Buyer", "bob@example.test"]);
    // Admin and tech shared the prior registrant's contact, so they move with it.
    expect(after.contacts.map((c) => c.id)).toEqual([after.handle, after.handle]);

    const row = await db.domain.findUniqueOrThrow({ where: { id: d.id } });
    expect(row.registrantContactId).not.toBe(d.registrantContactId);
    expect(Math.round(((row.transferLockedUntil?.getTime() ?? 0) - Date.now()) / DAY)).toBe(60);
    expect((await db.registrantChange.findUniqueOrThrow({ where: { id: prior.id } })).status).toBe("completed");
    expect(await db.outboxMail.count({ where: { kind: "registrant_change_outcome" } })).toBe(2);
    const ops = await db.domainOperation.findMany({ where: { domainId: d.id }, orderBy: { at: "asc" } });
    expect(ops.map((o) => [o.operation, o.code])).toEqual([
      ["createContact", 1000],
      ["updateDomain", 1000],
    ]);
  });

  it("sets no transfer lock when the prior registrant opts out", async () => {
    const ctx = await owner();
    const d = await domainWithContact(world, { tld: "io" });
    await updateDomainContact(ctx, { domainId: d.id, role: "registrant", contact: BOB });
    const prior = await linkFor(ALICE.email);
    const next = await linkFor(BOB.email);
    await answerRegistrantChange(world.reseller.id, { id: next.id, token: next.token, decision: "confirm" });
    const done = await answerRegistrantChange(world.reseller.id, {
      id: prior.id,
      token: prior.token,
      decision: "confirm",
      lockOptOut: true,
    });
    expect(done.message).toContain("No transfer lock");
    expect((await db.domain.findUniqueOrThrow({ where: { id: d.id } })).transferLockedUntil).toBeNull();
    expect((await registrantAtRegistry(d.name)).name).toBe("Bob Buyer");
  });

  it("refuses a wrong token and an expired link, and changes nothing", async () => {
    const ctx = await owner();
    const d = await domainWithContact(world, { tld: "io" });
    await updateDomainContact(ctx, { domainId: d.id, role: "registrant", contact: BOB });
    const prior = await linkFor(ALICE.email);
    await expect(
      answerRegistrantChange(world.reseller.id, { id: prior.id, token: "not-the-token-at-all", decision: "confirm" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.registrantChange.update({ where: { id: prior.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(
      answerRegistrantChange(world.reseller.id, { id: prior.id, token: prior.token, decision: "confirm" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("expired") });
    expect((await db.registrantChange.findUniqueOrThrow({ where: { id: prior.id } })).status).toBe("expired");
    expect((await registrantAtRegistry(d.name)).name).toBe(ALICE.name);
  });

  it("ends the change for both when either party declines", async () => {
    const ctx = await owner();
    const d = await domainWithContact(world, { tld: "io" });
    await updateDomainContact(ctx, { domainId: d.id, role: "registrant", contact: BOB });
    const next = await linkFor(BOB.email);
    const prior = await linkFor(ALICE.email);
    await answerRegistrantChange(world.reseller.id, { id: next.id, token: next.token, decision: "decline" });
    await expect(
      answerRegistrantChange(world.reseller.id, { id: prior.id, token: prior.token, decision: "confirm" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await registrantAtRegistry(d.name)).name).toBe(ALICE.name);
    expect((await getDomainContacts(ctx, d.id)).pending).toBeNull();
  });

  it("lets the requester cancel a waiting change, after which its links no longer work", async () => {
    const ctx = await owner();
    const d = await domainWithContact(world, { tld: "io" });
    await updateDomainContact(ctx, { domainId: d.id, role: "registrant", contact: BOB });
    await expect(
      updateDomainContact(ctx, { domainId: d.id, role: "registrant", contact: { ...BOB, name: "Carol" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await cancelRegistrantChange(ctx, { domainId: d.id });
    const next = await linkFor(BOB.email);
    await expect(
      answerRegistrantChange(world.reseller.id, { id: next.id, token: next.token, decision: "confirm" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("gives an admin contact that shared the registrant's details its own contact, leaving the registrant alone", async () => {
    const ctx = await owner();
    const d = await domainWithContact(world, { tld: "io" });
    const before = await registrantAtRegistry(d.name);
    await updateDomainContact(ctx, {
      domainId: d.id,
      role: "admin",
      contact: { ...ALICE, name: "Dana Admin", email: "dana@example.test" },
    });
    const after = await registrantAtRegistry(d.name);
    expect(after.handle).toBe(before.handle);
    expect(after.name).toBe(ALICE.name);
    const admin = after.contacts.find((c) => c.type === "admin");
    expect(admin?.id).not.toBe(before.handle);
    expect((await world.platform.infoContact({ id: admin?.id ?? "" })).data.email).toBe("dana@example.test");
    expect(await db.registrantChange.count()).toBe(0);
  });

  it("refuses admin, technical and billing contacts on a thin registry's name with a clear message", async () => {
    const ctx = await owner();
    const d = await domainWithContact(world, { tld: "com" });
    await expect(updateDomainContact(ctx, { domainId: d.id, role: "tech", contact: ALICE })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("The .com registry holds no contacts"),
    });
    const view = await getDomainContacts(ctx, d.id);
    expect(view.policy).toBe("prohibited");
    expect(view.roles.map((r) => r.role)).toEqual(["registrant"]);
  });

  it("keeps a thin registry's registrant edit with us and sends nothing to the registry", async () => {
    const ctx = await owner();
    const d = await domainWithContact(world, { tld: "com" });
    const out = await updateDomainContact(ctx, {
      domainId: d.id,
      role: "registrant",
      contact: { ...ALICE, city: "Leeds", postalCode: "LS1 1AA" },
    });
    expect(out.message).toContain("No registry command was needed");
    expect(await db.domainOperation.count({ where: { domainId: d.id } })).toBe(0);
    expect((await db.contact.findUniqueOrThrow({ where: { id: d.registrantContactId ?? "" } })).city).toBe("Leeds");
  });

  it("refuses contact details that break the rules, naming each field", async () => {
    const ctx = await owner();
    const d = await domainWithContact(world, { tld: "io" });
    await expect(
      updateDomainContact(ctx, {
        domainId: d.id,
        role: "registrant",
        contact: { ...ALICE, email: "nope", phone: "12", countryCode: "XX" },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { email: expect.any(String), phone: expect.any(String), countryCode: expect.any(String) },
    });
  });
});
