/**
 * Domains under management for lifecycle tests: an in-process mock registry (frozen clock the test
 * moves) installed as the platform's registry, our platform clock tied to it, and domains created at
 * the registry and recorded in our tables, as a completed registration would leave them.
 */
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { RegistryRouter } from "@/server/registry";
import { setRegistryForTests } from "@/server/registry/access";
import { setPlatformClock } from "@/server/domains/lifecycle/clock";
import { encryptAuthCode } from "@/server/domains/manage/auth-code";
import { inProcessEnv, type ContractEnv } from "../epp-test-registry";
import { createReseller, type ResellerFixture } from "./reseller";
import { createTier, createTldProduct, fundReseller } from "./money";

export type LifecycleWorld = ContractEnv & { reseller: ResellerFixture; close(): Promise<void> };

/** A registry, .com/.net products at 10.26/11.80 wholesale 12.00, and a reseller funded with `balance`. */
export async function createLifecycleWorld(opts: { balance?: number; tlds?: string[] } = {}): Promise<LifecycleWorld> {
  const env = await inProcessEnv();
  setRegistryForTests(new RegistryRouter({ byTld: {}, fallback: env.platform }), "platform");
  setPlatformClock(() => env.admin.now());
  const tlds = opts.tlds ?? ["com", "net"];
  for (const tld of tlds) await createTldProduct(tld, 1_026, { operator: "verisign-sim" });
  const tier = await createTier("lifecycle", Object.fromEntries(tlds.map((t) => [t, 1_200])));
  const reseller = await createReseller();
  await fundReseller(reseller.id, tier.id, opts.balance ?? 1_000_000);
  return {
    ...env,
    reseller,
    close: async () => {
      setRegistryForTests(null);
      setPlatformClock(null);
      await env.close();
    },
  };
}

export type ManagedDomainOptions = {
  resellerId: string;
  registrantId?: string | null;
  name?: string;
  years?: number;
  autoRenew?: boolean;
  nameservers?: string[];
};

/** Registers the name at the registry (as `platform`) and records it as an active domain of the reseller. */
export async function createManagedDomain(world: Pick<ContractEnv, "platform">, opts: ManagedDomainOptions) {
  const name = (opts.name ?? `name-${randomUUID().slice(0, 8)}.com`).toLowerCase();
  const authInfo = `Auth-${randomUUID().slice(0, 12)}`;
  for (const ns of opts.nameservers ?? []) await world.platform.createHost({ name: ns }).catch(() => undefined);
  const created = await world.platform.createDomain({
    name,
    years: opts.years ?? 1,
    authInfo,
    nameservers: opts.nameservers,
  });
  const info = await world.platform.infoDomain({ name });
  return db.domain.create({
    data: {
      resellerId: opts.resellerId,
      registrantId: opts.registrantId ?? null,
      name,
      unicodeName: name,
      tld: name.slice(name.lastIndexOf(".") + 1),
      state: "active",
      registryStatuses: info.data.statuses,
      roid: info.data.roid,
      registeredAt: new Date(created.data.createdAt),
      expiresAt: new Date(created.data.expiresAt ?? info.data.expiresAt ?? Date.now()),
      autoRenew: opts.autoRenew ?? false,
      transferLock: info.data.statuses.includes("clientTransferProhibited"),
      authInfoEnc: encryptAuthCode(authInfo),
      nameservers: opts.nameservers ?? [],
    },
  });
}
