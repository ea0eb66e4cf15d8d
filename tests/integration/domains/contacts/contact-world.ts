/**
 * Domains with a registrant contact, as a completed registration leaves them: on a thick TLD the
 * contact exists at the in-process registry and is the domain's registrant, admin and tech; on a
 * thin TLD (.com) it is kept only by us.
 */
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { contactHandle } from "@/server/domains/provisioners/registry-objects";
import type { ContactFields } from "@/lib/contact-rules";
import { createManagedDomain, type LifecycleWorld } from "../../../support/factories";
import { receivedText } from "../../../support/received-mail";

export const OPERATOR = "verisign-sim";

export const ALICE: ContactFields = {
  name: "Alice Example",
  organization: "Example Ltd",
  email: "alice@example.test",
  phone: "+44.2071234567",
  street1: "1 High Street",
  street2: "",
  city: "London",
  state: "",
  postalCode: "SW1A 1AA",
  countryCode: "GB",
};

export async function domainWithContact(
  world: LifecycleWorld,
  opts: { tld: string; registrantId?: string | null; resellerId?: string },
) {
  const resellerId = opts.resellerId ?? world.reseller.id;
  const contact = await db.contact.create({
    data: { resellerId, registrantId: opts.registrantId ?? null, ...ALICE, verifiedAt: new Date() },
  });
  const name = `n-${randomUUID().slice(0, 8)}.${opts.tld}`;
  if (opts.tld === "com" || opts.tld === "net") {
    const d = await createManagedDomain(world, { resellerId, registrantId: opts.registrantId, name });
    return db.domain.update({
      where: { id: d.id },
      data: { registrantContactId: contact.id, adminContactId: contact.id, techContactId: contact.id },
    });
  }
  const handle = contactHandle(contact.id, OPERATOR);
  await world.platform.createContact({
    id: handle,
    postal: [
      {
        type: "int",
        name: ALICE.name,
        org: ALICE.organization,
        street: [ALICE.street1],
        city: ALICE.city,
        pc: ALICE.postalCode,
        cc: ALICE.countryCode,
      },
    ],
    voice: ALICE.phone,
    email: ALICE.email,
    authInfo: "contact-auth-1",
  });
  await db.contactHandle.create({ data: { contactId: contact.id, registry: OPERATOR, handle } });
  await world.platform.createDomain({
    name,
    years: 1,
    authInfo: "Domain-auth-1",
    registrant: handle,
    contacts: [
      { type: "admin", id: handle },
      { type: "tech", id: handle },
    ],
  });
  const info = await world.platform.infoDomain({ name });
  return db.domain.create({
    data: {
      resellerId,
      registrantId: opts.registrantId ?? null,
      name,
      unicodeName: name,
      tld: opts.tld,
      state: "active",
      roid: info.data.roid,
      registeredAt: new Date(info.data.createdAt ?? Date.now()),
      expiresAt: new Date(info.data.expiresAt ?? Date.now()),
      registrantContactId: contact.id,
      adminContactId: contact.id,
      techContactId: contact.id,
    },
  });
}

/** The confirmation link's id and token from the mail sent to `to`. */
export async function linkFor(to: string): Promise<{ id: string; token: string; url: string }> {
  const mail = await db.outboxMail.findFirstOrThrow({
    where: { toAddress: to, kind: "registrant_change_confirm" },
    orderBy: { createdAt: "desc" },
  });
  const m = /(https?:\/\/\S+\/registrant-change\/([0-9a-f-]{36})\?t=([\w-]+))/.exec(receivedText(mail));
  if (!m) throw new Error(`no confirmation link in mail to ${to}`);
  return { url: m[1], id: m[2], token: m[3] };
}
