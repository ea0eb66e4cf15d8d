// Every domain action of the console and the storefront, through the action client as a browser
// would call it: a reseller never acts on another reseller's domain, a registrant never on another
// registrant's, and nothing about the domain changes.
import { expect } from "vitest";
import { db } from "@/server/db";
import { RegistryRouter } from "@/server/registry";
import { setRegistryForTests } from "@/server/registry/access";
import * as consoleContacts from "@/app/(console)/console/domains/[id]/_components/contacts-actions";
import * as consoleDomains from "@/app/(console)/console/domains/actions";
import * as ownContacts from "@/app/(storefront)/[host]/account/domains/[id]/_components/contacts-actions";
import * as ownDomains from "@/app/(storefront)/[host]/account/domains/actions";
import type { ActorContext } from "@/server/context";
import { inProcessEnv, type ContractEnv } from "../../../support/epp-test-registry";
import { createManagedDomain, createRegistrant } from "../../../support/factories";
import { isolationCase, type TwoTenants } from "../harness";

let registry: ContractEnv | undefined;

async function domainOf(resellerId: string, registrantId: string | null = null) {
  registry ??= await inProcessEnv();
  setRegistryForTests(new RegistryRouter({ byTld: {}, fallback: registry.platform }), "platform");
  return createManagedDomain(registry, { resellerId, registrantId });
}

type Domain = Awaited<ReturnType<typeof domainOf>>;
type Runnable = { run: (ctx: ActorContext, input: Record<string, unknown>) => Promise<unknown> };

const CONTACT = {
  name: "Mallory Mole",
  organization: "",
  email: "mallory@example.test",
  phone: "+44.2071234567",
  street1: "1 Low Road",
  street2: "",
  city: "London",
  state: "",
  postalCode: "SW1A 1AA",
  countryCode: "GB",
};
const DS = "12345 13 2 " + "a".repeat(64);

/** A valid input for each action, aimed at domain `d`: only the target's ownership should refuse it. */
const inputs: Record<string, (d: Domain) => Record<string, unknown>> = {
  renew: (d) => ({ domainId: d.id, years: 1, idempotencyKey: `iso-renew-${d.id}` }),
  restore: (d) => ({ domainId: d.id, idempotencyKey: `iso-restore-${d.id}` }),
  toggle: (d) => ({ domainId: d.id, value: "on" }),
  nameservers: (d) => ({ domainId: d.id, nameservers: "ns1.mallory.example\nns2.mallory.example" }),
  ds: (d) => ({ domainId: d.id, records: DS }),
  domain: (d) => ({ domainId: d.id }),
  transfer: (d) => ({ domainId: d.id, decision: "approve" }),
  delete: (d) => ({ domainId: d.id, confirmName: d.name }),
  contact: (d) => ({ domainId: d.id, role: "registrant", ...CONTACT }),
};

const consoleActions: [string, Runnable, keyof typeof inputs][] = [
  ["renewDomainAction", consoleDomains.renewDomainAction, "renew"],
  ["restoreDomainAction", consoleDomains.restoreDomainAction, "restore"],
  ["autoRenewAction", consoleDomains.autoRenewAction, "toggle"],
  ["privacyAction", consoleDomains.privacyAction, "toggle"],
  ["lockAction", consoleDomains.lockAction, "toggle"],
  ["nameserversAction", consoleDomains.nameserversAction, "nameservers"],
  ["dsAction", consoleDomains.dsAction, "ds"],
  ["revealAuthAction", consoleDomains.revealAuthAction, "domain"],
  ["resetAuthAction", consoleDomains.resetAuthAction, "domain"],
  ["transferAnswerAction", consoleDomains.transferAnswerAction, "transfer"],
  ["deleteDomainAction", consoleDomains.deleteDomainAction, "delete"],
  ["updateContactAction", consoleContacts.updateContactAction, "contact"],
  ["cancelRegistrantChangeAction", consoleContacts.cancelRegistrantChangeAction, "domain"],
];

const storefrontActions: [string, Runnable, keyof typeof inputs][] = [
  ["renewOwnDomain", ownDomains.renewOwnDomain, "renew"],
  ["restoreOwnDomain", ownDomains.restoreOwnDomain, "restore"],
  ["autoRenewOwn", ownDomains.autoRenewOwn, "toggle"],
  ["privacyOwn", ownDomains.privacyOwn, "toggle"],
  ["lockOwn", ownDomains.lockOwn, "toggle"],
  ["nameserversOwn", ownDomains.nameserversOwn, "nameservers"],
  ["dsOwn", ownDomains.dsOwn, "ds"],
  ["revealOwnAuth", ownDomains.revealOwnAuth, "domain"],
  ["resetOwnAuth", ownDomains.resetOwnAuth, "domain"],
  ["answerOwnTransfer", ownDomains.answerOwnTransfer, "transfer"],
  ["deleteOwnDomain", ownDomains.deleteOwnDomain, "delete"],
  ["updateOwnContact", ownContacts.updateOwnContact, "contact"],
  ["cancelOwnRegistrantChange", ownContacts.cancelOwnRegistrantChange, "domain"],
];

/** The domain row, its operations, orders and contact changes: none may move under an attack. */
async function footprint(d: Domain) {
  const [row, operations, orderItems, changes] = await Promise.all([
    db.domain.findUniqueOrThrow({ where: { id: d.id } }),
    db.domainOperation.count({ where: { domainId: d.id } }),
    db.orderItem.count({ where: { subject: d.name } }),
    db.registrantChange.count({ where: { domainId: d.id } }),
  ]);
  return JSON.stringify({ row, operations, orderItems, changes });
}

export const cases = [
  ...consoleActions.map(([name, action, input]) =>
    isolationCase({
      name: `reseller A's owner cannot use ${name} on reseller B's domain`,
      setup: async ({ b }: TwoTenants) => {
        const d = await domainOf(b.reseller.id);
        return { d, before: await footprint(d) };
      },
      attack: ({ a }, s) => action.run(a.owner.ctx, inputs[input](s.d)),
      unchanged: async (_t, s) => expect(await footprint(s.d)).toBe(s.before),
    }),
  ),
  ...storefrontActions.map(([name, action, input]) =>
    isolationCase({
      name: `registrant X cannot use ${name} on registrant Y's domain at the same reseller`,
      setup: async ({ b }: TwoTenants) => {
        const y = await createRegistrant(b.reseller.id);
        const d = await domainOf(b.reseller.id, y.registrant.id);
        return { d, before: await footprint(d) };
      },
      attack: ({ b }, s) => action.run(b.customer.ctx, inputs[input](s.d)),
      unchanged: async (_t, s) => expect(await footprint(s.d)).toBe(s.before),
    }),
  ),
  ...storefrontActions.map(([name, action, input]) =>
    isolationCase({
      name: `A's registrant cannot use ${name} on B's registrant's domain`,
      setup: async ({ b }: TwoTenants) => {
        const d = await domainOf(b.reseller.id, b.customer.registrant.id);
        return { d, before: await footprint(d) };
      },
      attack: ({ a }, s) => action.run(a.customer.ctx, inputs[input](s.d)),
      unchanged: async (_t, s) => expect(await footprint(s.d)).toBe(s.before),
    }),
  ),
];
