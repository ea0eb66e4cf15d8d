/**
 * Demo names (docs/decisions/080-demo-names-with-a-history.md): each demo registrant buys a few
 * names on their storefront, paid with the test provider and registered by the fulfilment engine at
 * the mock registry, so a first look at either console and at the registrant's account is not empty.
 * Two expire within 30 days and one, never renewed, is in redemption.
 *
 * Those dates are the registry's. The seed opens the mock registry's state in this process (before
 * `npm run dev` starts its server) with the registry's clock frozen fourteen months ago and the
 * platform's lifecycle clock tied to it, as the lifecycle tests do; it buys each name on the day its
 * story begins, runs the poll and the lifecycle sweep when the lapsed name falls due, then brings the
 * clock to the present and lets it run. A registry that already has state cannot be turned back, so
 * then the names are left out, with a line that says why.
 */
import type { Db } from "../../src/server/db";
import { env } from "../../src/env";
import type { ActorContext } from "../../src/server/context";
import { MockRegistry, RegistryAdmin } from "../../src/mock-registry/index";
import { buildRegistryRouter, setRegistryForTests } from "../../src/server/registry/access";
import { setPlatformClock } from "../../src/server/domains/lifecycle/clock";
import { LIFECYCLE } from "../../src/server/domains/lifecycle/policy";
import { runLifecycleSweep } from "../../src/server/domains/lifecycle-events/run-lifecycle-sweep";
import { processPollMessages } from "../../src/server/domains/lifecycle-events/process-poll-messages";
import { placeDomainOrder } from "../../src/server/domains/checkout/place-domain-order";
import { setAutoRenew } from "../../src/server/domains/manage/set-auto-renew";
import { startOrderCheckout } from "../../src/server/order-payments/start-order-checkout";
import { completeTestCheckout } from "../../src/server/order-payments/complete-test-checkout";
import { testPaymentsOn } from "../../src/server/payments/get-payment-provider";
import { runFulfilment } from "../../src/server/fulfilment/run-fulfilment";
import { DEMO_PORTFOLIOS, demoOrderKey, type DemoName, type DemoPortfolio } from "./domains-data";

export type DomainSeedOptions = {
  /** The seed's database: the services used here must write to the same one. */
  databaseUrl?: string;
  /** Where the mock registry keeps its state; default MOCK_REGISTRY_DATA_DIR. */
  registryDataDir?: string;
  log?: (line: string) => void;
};

const DAY_MS = 86_400_000;
const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

type Buyer = { portfolio: DemoPortfolio; ctx: Extract<ActorContext, { kind: "registrant" }>; origin: string };

/** Why the names cannot be made here, or null when they can. */
function obstacle(dataDir: string, databaseUrl: string | undefined): string | null {
  const e = env();
  if (databaseUrl && e.DATABASE_URL !== databaseUrl)
    return "the platform's services use another database (DATABASE_URL)";
  if (!testPaymentsOn()) return "they are paid with the test payment provider, and STRIPE_SECRET_KEY is set";
  if (
    e.REGISTRY_ADAPTER !== "epp" ||
    !LOOPBACK.has(e.REGISTRY_EPP_HOST) ||
    e.REGISTRY_EPP_PORT !== e.MOCK_REGISTRY_PORT
  )
    return "the platform's registry is not the local mock registry";
  if (MockRegistry.hasState(dataDir))
    return `the mock registry in ${dataDir} already has state, and its clock only moves forward (remove that folder and reset the database to get them)`;
  return null;
}

async function buyers(db: Db): Promise<Buyer[]> {
  const { PUBLIC_SCHEME, STOREFRONT_BASE_DOMAIN } = env();
  const found: Buyer[] = [];
  for (const portfolio of DEMO_PORTFOLIOS) {
    const reseller = await db.reseller.findUnique({ where: { slug: portfolio.resellerSlug } });
    if (!reseller) continue;
    const registrant = await db.registrant.findUnique({
      where: { resellerId_email: { resellerId: reseller.id, email: portfolio.registrantEmail } },
    });
    if (!registrant) continue;
    found.push({
      portfolio,
      ctx: { kind: "registrant", actorId: registrant.id, resellerId: reseller.id, role: "registrant" },
      origin: `${PUBLIC_SCHEME}://${reseller.slug}.${STOREFRONT_BASE_DOMAIN}`,
    });
  }
  return found;
}

/** The storefront's path: checkout, the test provider's "Pay", then the engine fulfils the paid item. */
async function buy(db: Db, buyer: Buyer, name: DemoName): Promise<Date> {
  const { ctx, portfolio } = buyer;
  const saved = await db.contact.findFirst({
    where: { resellerId: ctx.resellerId, registrantId: ctx.actorId, email: portfolio.contact.email },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const { order, created } = await placeDomainOrder(ctx, {
    resellerId: ctx.resellerId,
    idempotencyKey: demoOrderKey(name.name),
    items: [{ name: name.name, kind: "register", years: name.years, privacy: false }],
    nameservers: null,
    ...(saved ? { contactId: saved.id } : { contact: portfolio.contact }),
  });
  if (created) {
    const { paymentId } = await startOrderCheckout(ctx, { orderId: order.id, storefrontOrigin: buyer.origin });
    await completeTestCheckout(ctx, { paymentId, outcome: "pay" });
  }
  for (const item of order.items) {
    const state = await runFulfilment(item.id);
    if (state !== "completed") throw new Error(`demo names: ${item.subject} ended ${state}, not completed`);
  }
  const domain = await db.domain.findUniqueOrThrow({ where: { name: name.name } });
  if (name.autoRenewOff) await setAutoRenew(ctx, { domainId: domain.id, enabled: false });
  if (!domain.expiresAt) throw new Error(`demo names: the registry gave ${name.name} no expiry`);
  return domain.expiresAt;
}

/** What the worker would have done on that day: read the registry's poll messages, run the sweep. */
async function dailyJobs(): Promise<void> {
  await processPollMessages();
  await runLifecycleSweep();
}

export async function seed(db: Db, options: DomainSeedOptions = {}): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (await db.order.findFirst({ where: { idempotencyKey: { startsWith: demoOrderKey("") } }, select: { id: true } }))
    return;
  const dataDir = options.registryDataDir ?? env().MOCK_REGISTRY_DATA_DIR;
  const why = obstacle(dataDir, options.databaseUrl);
  if (why) return log(`demo names: left out, because ${why}`);
  const who = await buyers(db);
  if (!who.length) return;

  const present = Date.now();
  const earliest = Math.max(...who.flatMap((b) => b.portfolio.names.map((n) => n.boughtDaysAgo)));
  // Launch phases stay where a registry begun today would have them.
  const registry = new MockRegistry({ dataDir, frozenAt: present - earliest * DAY_MS, anchorAt: present });
  const admin = new RegistryAdmin(registry);
  const moveTo = (at: number) => {
    const ahead = at - registry.now();
    if (ahead > 0) admin.advanceClock({ ms: ahead });
  };
  const products = await db.product.findMany({
    where: { kind: "domain" },
    select: { code: true, registryOperator: true },
  });
  const { REGISTRY_EPP_CLIENT_ID: clientId, REGISTRY_EPP_PASSWORD: password } = env();
  const { router, close } = buildRegistryRouter(
    { adapter: "inprocess", registry, clientId, password, poolSize: 2 },
    Object.fromEntries(products.map((p) => [p.code, p.registryOperator ?? p.code])),
  );
  setRegistryForTests(router, clientId);
  setPlatformClock(() => new Date(registry.now()));
  try {
    // Purchases by the day they happen, and the days the worker's poll and sweep matter: when a
    // lapsing name falls due, and today.
    const buys = new Map<number, (() => Promise<void>)[]>();
    const jobDays = new Set<number>([present]);
    for (const buyer of who)
      for (const name of buyer.portfolio.names) {
        const at = present - name.boughtDaysAgo * DAY_MS;
        buys.set(at, [
          ...(buys.get(at) ?? []),
          async () => {
            const expiresAt = (await buy(db, buyer, name)).getTime();
            if (!name.lapses) return;
            // The day after expiry the sweep sees it expired; on the last day of the registry's
            // auto-renew grace it deletes it, and the name enters redemption.
            jobDays.add(expiresAt + DAY_MS);
            jobDays.add(expiresAt + (LIFECYCLE.autoRenewGraceDays - 1) * DAY_MS + 3_600_000);
          },
        ]);
      }
    for (;;) {
      const at = Math.min(...buys.keys(), ...jobDays);
      if (!Number.isFinite(at)) break;
      moveTo(at);
      // One after another: in a fresh database the first purchases also create the job queues.
      for (const run of buys.get(at) ?? []) await run();
      buys.delete(at);
      if (jobDays.delete(at)) await dailyJobs();
    }
    moveTo(Date.now());
    registry.clock.unfreeze();
    const made = who.reduce((n, b) => n + b.portfolio.names.length, 0);
    log(`demo names: ${made} registered at the mock registry, ${who.length} registrants`);
  } finally {
    setPlatformClock(null);
    setRegistryForTests(null);
    await close();
    registry.close();
  }
}
