// Domains: a reseller never manages another reseller's domain; a registrant never another registrant's.
import { RegistryRouter } from "@/server/registry";
import { setRegistryForTests } from "@/server/registry/access";
import { setTransferLock } from "@/server/domains/manage/set-transfer-lock";
import { revealAuthCode } from "@/server/domains/manage/reveal-auth-code";
import { requestRenewal } from "@/server/domains/renewals/request-renewal";
import { getDomainDetail } from "@/server/domains/queries/get-domain-detail";
import { createBulkJob } from "@/server/domains/bulk/create-bulk-job";
import { getBulkJobOrThrow } from "@/server/domains/bulk/get-bulk-job";
import { inProcessEnv, type ContractEnv } from "../../../support/epp-test-registry";
import { createManagedDomain, createRegistrant } from "../../../support/factories";
import { isolationCase, type TwoTenants } from "../harness";

let registry: ContractEnv | undefined;

/** One in-process registry for these cases, installed as the platform's. */
async function domainOf(resellerId: string, registrantId: string | null = null) {
  registry ??= await inProcessEnv();
  setRegistryForTests(new RegistryRouter({ byTld: {}, fallback: registry.platform }), "platform");
  return createManagedDomain(registry, { resellerId, registrantId });
}

export const cases = [
  isolationCase({
    name: "reseller A's owner cannot lock reseller B's domain",
    setup: ({ b }: TwoTenants) => domainOf(b.reseller.id),
    attack: ({ a }, d) => setTransferLock(a.owner.ctx, { domainId: d.id, locked: true }),
    control: ({ b }, d) => setTransferLock(b.owner.ctx, { domainId: d.id, locked: true }),
  }),
  isolationCase({
    name: "reseller A's owner cannot renew reseller B's domain on A's balance",
    setup: ({ b }: TwoTenants) => domainOf(b.reseller.id),
    attack: ({ a }, d) => requestRenewal(a.owner.ctx, { domainId: d.id, years: 1, idempotencyKey: "x" }),
  }),
  isolationCase({
    name: "reseller A's owner cannot read reseller B's domain detail and history",
    setup: ({ b }: TwoTenants) => domainOf(b.reseller.id),
    attack: ({ a }, d) => getDomainDetail(a.owner.ctx, d.id),
    control: ({ b }, d) => getDomainDetail(b.owner.ctx, d.id),
  }),
  isolationCase({
    name: "registrant X cannot see the auth code of registrant Y's domain at the same reseller",
    setup: async ({ b }: TwoTenants) => {
      const y = await createRegistrant(b.reseller.id);
      return { d: await domainOf(b.reseller.id, y.registrant.id), y };
    },
    attack: ({ b }, s) => revealAuthCode(b.customer.ctx, { domainId: s.d.id }),
    control: (_t, s) => revealAuthCode(s.y.ctx, { domainId: s.d.id }),
  }),
  isolationCase({
    name: "reseller A's owner cannot read reseller B's bulk job",
    setup: async ({ b }: TwoTenants) => {
      const d = await domainOf(b.reseller.id);
      return createBulkJob(b.owner.ctx, { action: "auto_renew_on", names: [d.name] });
    },
    attack: ({ a }, job) => getBulkJobOrThrow(a.owner.ctx, job.id),
    control: ({ b }, job) => getBulkJobOrThrow(b.owner.ctx, job.id),
  }),
];
