/** Orders with their items, failures first (an order with a failed item sorts before the others). */
import { db } from "@/server/db";
import { assertTenant, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { Prisma } from "@/generated/prisma/client";

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
  items: number;
  summary: string;
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
  const where = resellerId ? Prisma.sql`where o."resellerId" = ${resellerId}` : Prisma.sql`where true`;
  const failedOnly = input.failedOnly
    ? Prisma.sql`and exists (select 1 from "OrderItem" f where f."orderId" = o.id and f.state in ('failed'))`
    : Prisma.empty;
  return db.$queryRaw<OrderRow[]>`
    select o.id, o."resellerId", r."displayName" as "resellerName", o."createdAt", o.channel::text, o.currency, o."retailTotal", o."wholesaleTotal",
      (select count(*)::int from "OrderItem" i where i."orderId" = o.id and i.state = 'failed') as failed,
      (select count(*)::int from "OrderItem" i where i."orderId" = o.id) as items,
      (select string_agg(i.kind::text || ' ' || i.subject || ' (' || i.state::text || ')', ', ') from "OrderItem" i where i."orderId" = o.id) as summary
    from "Order" o join "Reseller" r on r.id = o."resellerId"
    ${where} ${failedOnly}
    order by (exists (select 1 from "OrderItem" f where f."orderId" = o.id and f.state = 'failed')) desc, o."createdAt" desc
    limit 50 offset ${(page - 1) * 50}`;
}
