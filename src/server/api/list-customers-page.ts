/**
 * The reseller's customers (registrants) newest first, a page at a time by keyset over (createdAt,
 * id): the API's cursor list. The console's list (domains/queries/list-customers) is a capped search.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { requireResellerReader } from "@/server/tenancy/guards";
import { decodeCursor, encodeCursor } from "./pagination";

const cursorShape = z.object({ at: z.iso.datetime(), id: z.string() });

export async function listCustomersPage(
  ctx: ActorContext,
  resellerId: string,
  page: { cursor?: string; limit: number },
) {
  requireResellerReader(ctx, resellerId);
  const after = decodeCursor(cursorShape, page.cursor);
  const found = await db.registrant.findMany({
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
    select: { id: true, email: true, name: true, createdAt: true },
  });
  const rows = found.slice(0, page.limit);
  const last = rows.at(-1);
  return {
    rows,
    next: found.length > page.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
