/**
 * Places an order: prices every item, records the order and its items, and (when the reseller's
 * balance pays) holds each item's wholesale cost, all in one transaction. The idempotency key makes
 * a retry return the first order instead of placing a second one; a refused hold places nothing.
 */
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/server/db";
import { assertCanWrite, assertRole, assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { assertResellerWritable } from "@/server/tenancy/guards";
import type { OrderChannel, OrderItemKind, PriceOperation } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import { placeHold } from "@/server/billing/place-hold";
import { loadPriceContext } from "@/server/pricing/load-price-context";
import { quoteItem, type Quote } from "@/server/pricing/quote-item";
import { OPERATION_OF } from "./item-states";
import { getOrderWithItems, type OrderWithItems } from "./get-order";

export type OrderItemInput = {
  kind: OrderItemKind;
  productCode: string;
  subject: string;
  period?: number;
  premiumFeeUsd?: number | null;
  details?: Prisma.InputJsonValue;
  /** The price to charge when the kind has more than one (a TMCH mark's submission or renewal). */
  operation?: PriceOperation;
};

export type PlaceOrderInput = {
  resellerId: string;
  registrantId?: string | null;
  idempotencyKey: string;
  channel: OrderChannel;
  /** "balance": the reseller's prepaid balance pays now. "checkout": the registrant pays first. */
  payment: "balance" | "checkout";
  items: OrderItemInput[];
};

const ORDERING_ROLES = ["owner", "admin", "support", "billing", "registrant", "system"] as const;

export async function placeOrder(
  ctx: ActorContext,
  input: PlaceOrderInput,
): Promise<{ order: OrderWithItems; created: boolean }> {
  assertTenant(ctx, input.resellerId);
  assertCanWrite(ctx);
  assertRole(ctx, ORDERING_ROLES);
  if (ctx.kind === "registrant" && input.registrantId !== ctx.actorId) throw new AppError("FORBIDDEN");
  if (!input.items.length) throw new AppError("INVALID_INPUT", "An order needs at least one item.");

  const existing = await findByKey(db, input.resellerId, input.idempotencyKey);
  if (existing) return { order: existing, created: false };

  const pc = await loadPriceContext(db, input.resellerId);
  const quotes = await Promise.all(input.items.map((item) => priceItem(item, input.resellerId, pc)));
  try {
    const orderId = await db.$transaction((tx) => write(tx, ctx, input, quotes), { maxWait: 60_000, timeout: 60_000 });
    return { order: await getOrderWithItems(db, orderId), created: true };
  } catch (e) {
    // A concurrent request with the same key won the insert: answer with its order.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const winner = await findByKey(db, input.resellerId, input.idempotencyKey);
      if (winner) return { order: winner, created: false };
    }
    throw e;
  }
}

async function priceItem(
  item: OrderItemInput,
  resellerId: string,
  pc: Awaited<ReturnType<typeof loadPriceContext>>,
): Promise<Quote | null> {
  const operation = item.operation ?? OPERATION_OF[item.kind];
  if (!operation) return null;
  return quoteItem(
    db,
    resellerId,
    { productCode: item.productCode, operation, period: item.period, premiumFeeUsd: item.premiumFeeUsd },
    pc,
  );
}

async function findByKey(tx: Tx, resellerId: string, idempotencyKey: string): Promise<OrderWithItems | null> {
  const found = await tx.order.findUnique({
    where: { resellerId_idempotencyKey: { resellerId, idempotencyKey } },
    select: { id: true },
  });
  return found ? getOrderWithItems(tx, found.id) : null;
}

async function write(tx: Tx, ctx: ActorContext, input: PlaceOrderInput, quotes: (Quote | null)[]): Promise<string> {
  await assertResellerWritable(tx, input.resellerId);
  const orderId = randomUUID();
  const state = input.payment === "balance" ? "paid" : "pending_payment";
  const currency =
    quotes.find((q) => q)?.currency ??
    (await tx.reseller.findUniqueOrThrow({ where: { id: input.resellerId } })).currency;
  const items = input.items.map((item, i) => {
    const q = quotes[i];
    return {
      id: randomUUID(),
      orderId,
      resellerId: input.resellerId,
      kind: item.kind,
      productId: q?.productId ?? "",
      subject: item.subject,
      period: q?.period ?? item.period ?? 1,
      premium: q?.premium ?? false,
      retailAmount: q?.retail ?? 0,
      wholesaleAmount: q?.wholesale ?? 0,
      registryCost: q?.registryCost ?? 0,
      registryCurrency: q?.registryCurrency ?? "USD",
      state,
      details: item.details,
    } as const;
  });
  if (items.some((i) => !i.productId)) {
    const product = await tx.product.findUnique({ where: { code: input.items[0].productCode }, select: { id: true } });
    if (!product) throw new AppError("NOT_FOUND", "Unknown product.");
    for (const i of items) if (!i.productId) Object.assign(i, { productId: product.id });
  }
  // The order row first: a concurrent duplicate blocks on its unique key here, before holding money.
  await tx.order.create({
    data: {
      id: orderId,
      resellerId: input.resellerId,
      registrantId: input.registrantId ?? null,
      idempotencyKey: input.idempotencyKey,
      channel: input.channel,
      currency,
      retailTotal: items.reduce((s, i) => s + i.retailAmount, 0),
      wholesaleTotal: items.reduce((s, i) => s + i.wholesaleAmount, 0),
      placedById: ctx.actorId,
      createdAt: new Date(),
    },
  });
  await tx.orderItem.createMany({ data: items });
  await tx.orderItemTransition.createMany({
    data: items.map((i) => ({ itemId: i.id, fromState: null, toState: state, reason: "order placed" })),
  });
  if (input.payment === "balance") {
    for (const i of items)
      await placeHold(tx, {
        resellerId: input.resellerId,
        orderItemId: i.id,
        orderId,
        amount: i.wholesaleAmount,
        currency,
      });
  }
  await recordAudit(tx, ctx, {
    action: "order.place",
    entity: "order",
    entityId: orderId,
    resellerId: input.resellerId,
    after: {
      channel: input.channel,
      payment: input.payment,
      items: items.map((i) => ({
        kind: i.kind,
        subject: i.subject,
        retail: i.retailAmount,
        wholesale: i.wholesaleAmount,
      })),
    },
  });
  return orderId;
}
