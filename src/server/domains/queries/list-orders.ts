/**
 * Orders with their items, those that need someone first (an order with a failed or parked item sorts
 * before the others).
 */
import { db } from "@/server/db";
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { isLiveReseller } from "@/server/live-tenants";
import { Prisma } from "@/generated/prisma/client";
import type { OrderItemKind, OrderItemState } from "@/generated/prisma/enums";

export type OrderRow = {
  id: string;
  resellerId: string;
  resellerName: string;
  createdAt: Date;
  channel: string;
  currency: string;
  retailTotal: number;
  wholesaleTotal: number;
  failed: number;
  /** Items waiting for a person to decide (retries ran out with the outcome unknown). */
  parked: number;
  items: number;
  /** Each item's kind, name and state; pages put them in words (src/lib/order-item-words.ts). */
  lines: { kind: OrderItemKind; subject: string; state: OrderItemState }[];
};

export async function listOrders(
  ctx: ActorContext,
  input: { resellerId?: string | null; page?: number; failedOnly?: boolean },
): Promise<OrderRow[]> {
  const resellerId = ctx.kind === "registrar" ? (input.resellerId ?? null) : ctx.resellerId;
  if (resellerId) assertTenant(ctx, resellerId);
  else if (ctx.kind !== "registrar") throw new AppError("FORBIDDEN");
  if (ctx.kind === "registrant") throw new AppError("FORBIDDEN");
  const page = Math.max(input.page ?? 1, 1);
  // Across resellers (registrar staff), sandbox orders are test traffic: left out (decision 108).
  const where = resellerId
    ? Prisma.sql`where o."resellerId" = ${resellerId}`
    : Prisma.sql`where ${isLiveReseller('o."resellerId"')}`;
  const failedOnly = input.failedOnly
    ? Prisma.sql`and exists (select 1 from "OrderItem" f where f."orderId" = o.id and f.state in ('failed'))`
    : Prisma.empty;
  return db.$queryRaw<OrderRow[]>`
    select o.id, o."resellerId", r."displayName" as "resellerName", o."createdAt", o.channel::text, o.currency, o."retailTotal", o."wholesaleTotal",
      (select count(*)::int from "OrderItem" i where i."orderId" = o.id and i.state = 'failed') as failed,
      (select count(*)::int from "OrderItem" i where i."orderId" = o.id and i.state = 'parked') as parked,
      (select count(*)::int from "OrderItem" i where i."orderId" = o.id) as items,
      (select coalesce(json_agg(json_build_object('kind', i.kind, 'subject', i.subject, 'state', i.state) order by i."createdAt"), '[]'::json) from "OrderItem" i where i."orderId" = o.id) as lines
    from "Order" o join "Reseller" r on r.id = o."resellerId"
    ${where} ${failedOnly}
    order by (exists (select 1 from "OrderItem" f where f."orderId" = o.id and f.state in ('failed', 'parked'))) desc, o."createdAt" desc
    limit 50 offset ${(page - 1) * 50}`;
}
