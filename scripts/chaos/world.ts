/**
 * What the chaos run sells and to whom, made before any fault is on: the catalogue (.com, .net and
 * .org at the mock registry's own prices, so the registry's charges can be checked against ours),
 * resellers with funded balances, a staff member and storefront customers each, names already ours
 * to renew, and names the rival registrar holds for us to transfer in. Rows that a sign-up flow would
 * make are written directly, as the test factories do; money moves only through billing services.
 */
import { randomUUID } from "node:crypto";
import { db } from "../../src/server/db";
import { systemContext, type ActorContext } from "../../src/server/context";
import { openResellerBilling } from "../../src/server/billing/open-reseller-billing";
import { adjustBalance } from "../../src/server/billing/adjust-balance";
import { encryptAuthCode } from "../../src/server/domains/manage/auth-code";
import { createRegistryPort, type RegistryPort } from "../../src/server/registry";
import type { Random } from "./random";

/** TLD → [registry operator, registry price per year in USD cents] as the mock registry has them. */
export const CHAOS_TLDS: Record<string, [string, number]> = {
  com: ["verisign-sim", 1_026],
  net: ["verisign-sim", 1_180],
  org: ["pir-sim", 1_130],
};

const OPERATIONS = ["register", "renew", "transfer", "restore", "privacy"] as const;
const WHOLESALE = 1_500;
const PRIVACY_WHOLESALE = 300;
const OPENING_BALANCE = 50_000_000;
/** Placeholder hash: nobody signs in during the run, and no password verifies against it. */
const NO_PASSWORD = "chaos-run-no-sign-in";

export type Customer = { ctx: Extract<ActorContext, { kind: "registrant" }>; resellerId: string };
export type Shop = {
  resellerId: string;
  staff: Extract<ActorContext, { kind: "user" }>;
  customers: Customer[];
};
export type RenewableName = { domainId: string; name: string; resellerId: string; registrantId: string };
export type TransferSource = { name: string; authInfo: string };
export type World = { shops: Shop[]; renewable: RenewableName[]; transferable: TransferSource[] };

export function registrarPort(opts: {
  port: number;
  clientId: "platform" | "rival";
  commandTimeoutMs: number;
}): RegistryPort {
  return createRegistryPort({
    adapter: "epp",
    host: "127.0.0.1",
    port: opts.port,
    tlsInsecure: true,
    clientId: opts.clientId,
    password: `${opts.clientId}-dev-pass`,
    poolSize: 2,
    commandTimeoutMs: opts.commandTimeoutMs,
  });
}

async function createCatalogue(): Promise<string> {
  for (const [tld, [operator, cost]] of Object.entries(CHAOS_TLDS)) {
    await db.product.create({
      data: {
        kind: "domain",
        code: tld,
        name: `.${tld}`,
        registryOperator: operator,
        registryCosts: {
          create: OPERATIONS.filter((o) => o !== "privacy").map((operation) => ({ operation, amount: cost })),
        },
      },
    });
  }
  const tier = await db.wholesaleTier.create({
    data: { name: "chaos", premiumRuleKind: "percent", premiumRuleValue: 1_000 },
  });
  const products = await db.product.findMany({ where: { code: { in: Object.keys(CHAOS_TLDS) } } });
  await db.wholesalePrice.createMany({
    data: products.flatMap((p) =>
      OPERATIONS.map((operation) => ({
        tierId: tier.id,
        productId: p.id,
        operation,
        currency: "USD",
        amount: operation === "privacy" ? PRIVACY_WHOLESALE : WHOLESALE,
      })),
    ),
  });
  return tier.id;
}

async function createShop(index: number, tierId: string, customers: number): Promise<Shop> {
  const slug = `chaos-${index + 1}-${randomUUID().slice(0, 6)}`;
  const reseller = await db.reseller.create({
    data: {
      slug,
      legalName: `Chaos Shop ${index + 1} Ltd`,
      displayName: `Chaos Shop ${index + 1}`,
      branding: { create: { supportEmail: `support@${slug}.example` } },
      hostNames: {
        create: {
          host: `${slug}.localhost:3000`,
          kind: "platform",
          verificationToken: randomUUID(),
          verifiedAt: new Date(),
        },
      },
    },
  });
  await db.$transaction((tx) =>
    openResellerBilling(tx, systemContext(), {
      resellerId: reseller.id,
      tierId,
      markupKind: "percent",
      markupValue: 2_000,
      rounding: "none",
    }),
  );
  await adjustBalance(systemContext(), {
    resellerId: reseller.id,
    direction: "credit",
    amount: OPENING_BALANCE,
    reason: "chaos run opening balance",
  });
  const user = await db.user.create({
    data: { email: `owner@${slug}.example`, name: `Owner of ${slug}`, passwordHash: NO_PASSWORD },
  });
  await db.membership.create({ data: { userId: user.id, resellerId: reseller.id, role: "owner" } });
  const list: Customer[] = [];
  for (let c = 0; c < customers; c++) {
    const registrant = await db.registrant.create({
      data: {
        resellerId: reseller.id,
        email: `customer-${c + 1}@${slug}.example`,
        name: `Customer ${c + 1}`,
        passwordHash: NO_PASSWORD,
      },
    });
    list.push({
      resellerId: reseller.id,
      ctx: { kind: "registrant", actorId: registrant.id, resellerId: reseller.id, role: "registrant" },
    });
  }
  return {
    resellerId: reseller.id,
    staff: { kind: "user", actorId: user.id, resellerId: reseller.id, role: "owner" },
    customers: list,
  };
}

/** Runs `fn` for each element, `width` at a time. */
export async function inParallel<T>(items: readonly T[], width: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

/** Names registered at the registry by us and recorded as active, as completed registrations leave them. */
async function seedRenewable(port: RegistryPort, shops: Shop[], count: number, random: Random, runTag: string) {
  const names: RenewableName[] = [];
  await inParallel(
    Array.from({ length: count }, (_, i) => i),
    4,
    async (i) => {
      const shop = shops[i % shops.length];
      const customer = random.pick(shop.customers);
      const tld = ["com", "net"][i % 2];
      const name = `${runTag}-renew-${i}.${tld}`;
      const authInfo = `Chaos-${randomUUID().slice(0, 12)}`;
      const created = await port.createDomain({ name, years: 1, authInfo });
      const info = await port.infoDomain({ name });
      const domain = await db.domain.create({
        data: {
          resellerId: shop.resellerId,
          registrantId: customer.ctx.actorId,
          name,
          unicodeName: name,
          tld,
          state: "active",
          registryStatuses: info.data.statuses,
          roid: info.data.roid,
          registeredAt: new Date(created.data.createdAt),
          expiresAt: new Date(created.data.expiresAt ?? info.data.expiresAt ?? Date.now()),
          autoRenew: false,
          transferLock: false,
          authInfoEnc: encryptAuthCode(authInfo),
        },
      });
      names[i] = { domainId: domain.id, name, resellerId: shop.resellerId, registrantId: customer.ctx.actorId };
    },
  );
  return names;
}

/**
 * The platform's own registrar row, as every deployment has one (the seed or the operator makes it):
 * privacy at checkout creates the privacy service's contact at the registry from it.
 */
async function ensureRegistrar(): Promise<void> {
  await db.registrar.upsert({
    where: { id: "registrar" },
    update: {},
    create: {
      id: "registrar",
      legalName: "Chaos Registrar, Inc.",
      ianaId: 9999,
      abuseEmail: "abuse@registrar.test",
      abusePhone: "+1.5555550100",
      rdapBaseUrl: "http://localhost/rdap/",
      resellerDisclosure: "Domain names are registered through Chaos Registrar, Inc.",
    },
  });
}

/** Names the rival registrar holds, with the auth codes their registrants would give us. */
async function seedTransferable(rival: RegistryPort, count: number, runTag: string): Promise<TransferSource[]> {
  const sources: TransferSource[] = [];
  await inParallel(
    Array.from({ length: count }, (_, i) => i),
    4,
    async (i) => {
      const name = `${runTag}-move-${i}.${["com", "net"][i % 2]}`;
      const authInfo = `Move-${randomUUID().slice(0, 12)}`;
      await rival.createDomain({ name, years: 1, authInfo });
      sources[i] = { name, authInfo };
    },
  );
  return sources;
}

export async function buildWorld(opts: {
  resellers: number;
  renewable: number;
  transferable: number;
  random: Random;
  runTag: string;
  platform: RegistryPort;
  rival: RegistryPort;
  /** Moves registry time past the transfer lock of names the rival just created. */
  passTransferLock: () => Promise<void>;
}): Promise<World> {
  await ensureRegistrar();
  const tierId = await createCatalogue();
  const shops: Shop[] = [];
  for (let i = 0; i < opts.resellers; i++) shops.push(await createShop(i, tierId, 5));
  const transferable = await seedTransferable(opts.rival, opts.transferable, opts.runTag);
  await opts.passTransferLock();
  const renewable = await seedRenewable(opts.platform, shops, opts.renewable, opts.random.fork("seed"), opts.runTag);
  return { shops, renewable, transferable };
}
