// Domain contacts and changes of registrant stay within their reseller, and a registrant's within theirs.
import { db } from "@/server/db";
import { RegistryRouter } from "@/server/registry";
import { setRegistryForTests } from "@/server/registry/access";
import { updateDomainContact } from "@/server/domains/manage/contacts/update-domain-contact";
import { getDomainContacts } from "@/server/domains/manage/contacts/get-domain-contacts";
import { cancelRegistrantChange } from "@/server/domains/manage/contacts/cancel-registrant-change";
import { answerRegistrantChange } from "@/server/domains/manage/contacts/answer-registrant-change";
import { viewRegistrantChange } from "@/server/domains/manage/contacts/find-registrant-change";
import { inProcessEnv, type ContractEnv } from "../../../support/epp-test-registry";
import { createManagedDomain, createRegistrant } from "../../../support/factories";
import { isolationCase, type TwoTenants } from "../harness";
import { receivedText } from "../../../support/received-mail";

let registry: ContractEnv | undefined;

const ALICE = {
  name: "Alice Example",
  organization: "",
  email: "alice@example.test",
  phone: "+44.2071234567",
  street1: "1 High Street",
  street2: "",
  city: "London",
  state: "",
  postalCode: "SW1A 1AA",
  countryCode: "GB",
};

/** A .com domain of `resellerId` (thin: no registry contacts needed) with a registrant contact kept by us. */
async function domainOf(resellerId: string, registrantId: string | null = null) {
  registry ??= await inProcessEnv();
  setRegistryForTests(new RegistryRouter({ byTld: {}, fallback: registry.platform }), "platform");
  const d = await createManagedDomain(registry, { resellerId, registrantId });
  const c = await db.contact.create({ data: { resellerId, registrantId, ...ALICE } });
  return db.domain.update({ where: { id: d.id }, data: { registrantContactId: c.id } });
}

/** B's domain with a change of registrant waiting, and its prior registrant's link token. */
async function waitingChange(b: TwoTenants["b"]) {
  const d = await domainOf(b.reseller.id);
  await updateDomainContact(b.owner.ctx, {
    domainId: d.id,
    role: "registrant",
    contact: { ...ALICE, name: "Bob Buyer", email: "bob@example.test" },
  });
  const mail = await db.outboxMail.findFirstOrThrow({
    where: { toAddress: ALICE.email, kind: "registrant_change_confirm" },
  });
  const [, id, token] = /registrant-change\/([0-9a-f-]{36})\?t=([\w-]+)/.exec(receivedText(mail)) ?? [];
  return { d, id, token };
}

const phoneOnly = { ...ALICE, phone: "+44.2079460000" };

export const cases = [
  isolationCase({
    name: "reseller A's owner cannot read the contacts of reseller B's domain",
    setup: ({ b }: TwoTenants) => domainOf(b.reseller.id),
    attack: ({ a }, d) => getDomainContacts(a.owner.ctx, d.id),
    control: ({ b }, d) => getDomainContacts(b.owner.ctx, d.id),
  }),
  isolationCase({
    name: "reseller A's owner cannot change the registrant of reseller B's domain",
    setup: ({ b }: TwoTenants) => domainOf(b.reseller.id),
    attack: ({ a }, d) => updateDomainContact(a.owner.ctx, { domainId: d.id, role: "registrant", contact: phoneOnly }),
    control: ({ b }, d) => updateDomainContact(b.owner.ctx, { domainId: d.id, role: "registrant", contact: phoneOnly }),
    unchanged: async (_t, d) => {
      if ((await db.contact.findUniqueOrThrow({ where: { id: d.registrantContactId ?? "" } })).phone !== ALICE.phone)
        throw new Error("B's contact changed");
    },
  }),
  isolationCase({
    name: "registrant X cannot edit the contacts of registrant Y's domain at the same reseller",
    setup: async ({ b }: TwoTenants) => {
      const y = await createRegistrant(b.reseller.id);
      return { d: await domainOf(b.reseller.id, y.registrant.id), y };
    },
    attack: ({ b }, s) =>
      updateDomainContact(b.customer.ctx, { domainId: s.d.id, role: "registrant", contact: phoneOnly }),
    control: (_t, s) => updateDomainContact(s.y.ctx, { domainId: s.d.id, role: "registrant", contact: phoneOnly }),
  }),
  isolationCase({
    name: "reseller A's owner cannot cancel a change of registrant waiting on reseller B's domain",
    setup: ({ b }: TwoTenants) => waitingChange(b),
    attack: ({ a }, s) => cancelRegistrantChange(a.owner.ctx, { domainId: s.d.id }),
    control: ({ b }, s) => cancelRegistrantChange(b.owner.ctx, { domainId: s.d.id }),
  }),
  isolationCase({
    name: "reseller A's storefront cannot show or answer a change of registrant of reseller B, even with its link",
    setup: ({ b }: TwoTenants) => waitingChange(b),
    attack: async ({ a }, s) => {
      await viewRegistrantChange(a.reseller.id, s.id, s.token);
      return answerRegistrantChange(a.reseller.id, { id: s.id, token: s.token, decision: "decline" });
    },
    control: ({ b }, s) => answerRegistrantChange(b.reseller.id, { id: s.id, token: s.token, decision: "decline" }),
  }),
];
