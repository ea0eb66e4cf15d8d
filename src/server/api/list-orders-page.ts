/**
 * The reseller's orders newest first, a page at a time by keyset over (createdAt, id): the API's
 * cursor list. The console's list (domains/queries/list-orders) pages by number and sorts orders
 * that need a person first, which a cursor cannot follow while items change state.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { requireResellerReader } from "@/server/tenancy/guards";
import { getOrderWithItems, type OrderWithItems } from "@/server/orders/get-order";
import { decodeCursor, encodeCursor } from "./pagination";

const cursorShape = z.object({ at: z.iso.datetime(), id: z.string() });

export async function listOrdersPage(
  ctx: ActorContext,
  resellerId: string,
  page: { cursor?: string; limit: number },
): Promise<{ rows: OrderWithItems[]; next: string | null }> {
  requireResellerReader(ctx, resellerId);
  const after = decodeCursor(cursorShape, page.cursor);
  const found = await db.order.findMany({
    where: {
      resellerId,
      ...(after
        ? {
            OR: [{ createdAt: { lt: new Date(after.at) } }, { createdAt: new Date(after.at), id: { lt: after.id } }],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    select: { id: true, createdAt: true },
  });
  const more = found.length > page.limit;
  const ids = found.slice(0, page.limit);
  const rows = await Promise.all(ids.map((o) => getOrderWithItems(db, o.id)));
  const last = ids.at(-1);
  return { rows, next: more && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null };
}
