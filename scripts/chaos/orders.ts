/**
 * The orders: a seeded mix of registrations (some with privacy, some several names), renewals and
 * transfers in, half placed by registrants on a storefront (checkout, then paid with the test
 * provider) and half by reseller staff in the console (paid from the balance), through the services
 * those pages call. A placement that fails (the registry check faulted, a transaction timed out) is
 * tried again with the same idempotency key, as a person clicking again would: the key makes a second
 * try safe whether or not the first wrote anything. Each retry is counted by what the failed try left
 * behind (no order at all, or an order whose payment or renewal did not finish), and the errors are
 * kept, so a run's figures show how often placing needed a second press and why (decision 142).
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { ActorContext } from "../../src/server/context";
import { isAppError } from "../../src/server/errors";
import { db } from "../../src/server/db";
import { placeDomainOrder } from "../../src/server/domains/checkout/place-domain-order";
import { requestRenewal } from "../../src/server/domains/renewals/request-renewal";
import { startOrderCheckout } from "../../src/server/order-payments/start-order-checkout";
import { completeTestCheckout } from "../../src/server/order-payments/complete-test-checkout";
import type { Random } from "./random";
import type { RenewableName, Shop, TransferSource, World } from "./world";

export type Channel = "storefront" | "console";
type Base = { n: number; channel: Channel; shop: Shop; key: string };
export type PlannedOrder =
  | (Base & { kind: "register"; names: { name: string; years: number; privacy: boolean }[] })
  | (Base & { kind: "transfer"; source: TransferSource })
  | (Base & { kind: "renew"; renewable: RenewableName; years: number });

export type Placement = {
  n: number;
  kind: PlannedOrder["kind"];
  channel: Channel;
  orderId?: string;
  error?: string;
  attempts: number;
  /** Failed tries after which no order existed under the key (nothing written), and the others. */
  retried: { nothingWritten: number; afterWrite: number };
  /** Each failed try's error, in order. */
  errors: string[];
  ms: number;
};

const CONTACT = {
  name: "Grace Hopper",
  organization: "",
  email: "grace@example.org",
  phone: "+1.2025550123",
  street1: "1 Navy Yard",
  street2: "",
  city: "Arlington",
  state: "VA",
  postalCode: "22202",
  countryCode: "US",
};

/** Tries at one order, about half a minute in all: long enough to outlast a registry restart. */
const ATTEMPTS = 12;

/** How many of `orders` are renewals and transfers (the rest register names). */
export function mixOf(orders: number): { renew: number; transfer: number; register: number } {
  const renew = Math.round(orders * 0.25);
  const transfer = Math.round(orders * 0.15);
  return { renew, transfer, register: orders - renew - transfer };
}

export function planOrders(orders: number, world: World, random: Random, runTag: string): PlannedOrder[] {
  const mix = mixOf(orders);
  const kinds: PlannedOrder["kind"][] = [
    ...Array<"renew">(mix.renew).fill("renew"),
    ...Array<"transfer">(mix.transfer).fill("transfer"),
    ...Array<"register">(mix.register).fill("register"),
  ];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  let renewals = 0;
  let transfers = 0;
  return kinds.map((kind, n): PlannedOrder => {
    const channel: Channel = random.chance(0.5) ? "storefront" : "console";
    const key = `${runTag}-order-${n}`;
    if (kind === "renew") {
      const renewable = world.renewable[renewals++];
      const shop = world.shops.find((s) => s.resellerId === renewable.resellerId) as Shop;
      return { n, kind, channel, shop, key, renewable, years: random.int(1, 2) };
    }
    const shop = random.pick(world.shops);
    if (kind === "transfer") return { n, kind, channel, shop, key, source: world.transferable[transfers++] };
    const count = random.chance(0.7) ? 1 : random.chance(0.65) ? 2 : 3;
    const names = Array.from({ length: count }, (_, j) => ({
      name: `${runTag}-new-${n}-${j}.${random.pick(["com", "net", "org"])}`,
      years: random.int(1, 3),
      privacy: random.chance(0.2),
    }));
    return { n, kind, channel, shop, key, names };
  });
}

function actorOf(order: PlannedOrder, random: Random): ActorContext {
  if (order.channel === "console") return order.shop.staff;
  if (order.kind === "renew")
    return {
      kind: "registrant",
      actorId: order.renewable.registrantId,
      resellerId: order.shop.resellerId,
      role: "registrant",
    };
  return random.pick(order.shop.customers).ctx;
}

/** The registrant pays with the test provider, as the storefront's checkout page does. */
async function pay(ctx: ActorContext, orderId: string): Promise<void> {
  try {
    const { paymentId } = await startOrderCheckout(ctx, { orderId, storefrontOrigin: "http://chaos.localhost:3000" });
    await completeTestCheckout(ctx, { paymentId, outcome: "pay" });
  } catch (e) {
    // A retry after the payment went through: nothing left to pay.
    if (isAppError(e) && e.code === "CONFLICT" && /already paid/.test(e.message)) return;
    throw e;
  }
}

async function placeOnce(order: PlannedOrder, ctx: ActorContext): Promise<string> {
  const payment = order.channel === "console" ? "balance" : "checkout";
  let orderId: string;
  if (order.kind === "renew") {
    const out = await requestRenewal(ctx, {
      domainId: order.renewable.domainId,
      years: order.years,
      idempotencyKey: order.key,
      payment,
    });
    orderId = out.orderId;
  } else {
    const items =
      order.kind === "register"
        ? order.names.map((x) => ({ name: x.name, kind: "register" as const, years: x.years, privacy: x.privacy }))
        : [{ name: order.source.name, kind: "transfer" as const, years: 1, privacy: false }];
    const { order: placed } = await placeDomainOrder(ctx, {
      resellerId: order.shop.resellerId,
      idempotencyKey: order.key,
      items,
      nameservers: null,
      contact: CONTACT,
      authCodes: order.kind === "transfer" ? { [order.source.name]: order.source.authInfo } : {},
      payment,
    });
    orderId = placed.id;
  }
  if (payment === "checkout") await pay(ctx, orderId);
  return orderId;
}

/**
 * One line per error: Prisma's messages open with the call and a frame of source, and end with what
 * the database said, which is the part worth counting.
 */
export function describeError(e: unknown): string {
  const err = e instanceof Error ? e : new Error(String(e));
  const lines = err.message.split("\n").map((l) => l.trim());
  const said = lines.findLast((l) => l.length > 0) ?? "";
  const call = lines.findIndex((l) => l.endsWith("invocation in"));
  const where =
    call >= 0
      ? ` (${lines[call].replace(/ invocation in$/, "")} in ${lines[call + 1]?.replace(/^.*\/src\//, "src/")})`
      : "";
  // Without names and ids, so the same error for two orders counts as one.
  const unnamed = (v: string) =>
    v
      .replace(/\b[\w-]+(\.[\w-]+)*\.(com|net|org)\b/g, "<name>")
      .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, "<id>");
  const notes = isAppError(e) && e.fields ? [...new Set(Object.values(e.fields).map(unnamed))].join("; ") : "";
  const fields = notes ? ` [${notes}]` : "";
  return `${err.name}: ${unnamed(said)}${where}${fields}`.slice(0, 400);
}

/** Whether a failed try left an order under the key; unknown (null) when even that cannot be read. */
async function orderWritten(order: PlannedOrder): Promise<boolean | null> {
  const key = { resellerId: order.shop.resellerId, idempotencyKey: order.key };
  try {
    return (await db.order.count({ where: key })) > 0;
  } catch {
    return null;
  }
}

export async function placeOrder(order: PlannedOrder, random: Random): Promise<Placement> {
  const ctx = actorOf(order, random);
  const started = Date.now();
  const result: Placement = {
    n: order.n,
    kind: order.kind,
    channel: order.channel,
    attempts: 0,
    retried: { nothingWritten: 0, afterWrite: 0 },
    errors: [],
    ms: 0,
  };
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    result.attempts = attempt;
    try {
      result.orderId = await placeOnce(order, ctx);
      result.error = undefined;
      result.ms = Date.now() - started;
      return result;
    } catch (e) {
      result.error = describeError(e);
      result.errors.push(result.error);
      if (attempt === ATTEMPTS) break;
      // Not provable when the database cannot answer: counted with the writes, the cautious side.
      if ((await orderWritten(order)) === false) result.retried.nothingWritten += 1;
      else result.retried.afterWrite += 1;
      await sleep(Math.min(300 * attempt, 3_000));
    }
  }
  result.ms = Date.now() - started;
  return result;
}
