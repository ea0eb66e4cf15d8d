/**
 * The names of a reseller's domains by id, for pages that mention domains by id only (recent
 * activity). Ids of another reseller's domains are simply not in the answer.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { parseInput } from "@/server/parse-input";
import { requireResellerReader } from "@/server/tenancy/guards";

const input = z.object({ resellerId: z.uuid(), ids: z.array(z.string().max(100)).max(200) });

export async function domainNamesById(ctx: ActorContext, raw: z.input<typeof input>): Promise<Record<string, string>> {
  const { resellerId, ids } = parseInput(input, raw);
  requireResellerReader(ctx, resellerId);
  const valid = ids.filter((id) => z.uuid().safeParse(id).success);
  if (valid.length === 0) return {};
  const rows = await db.domain.findMany({
    where: { resellerId, id: { in: valid } },
    select: { id: true, unicodeName: true },
  });
  return Object.fromEntries(rows.map((r) => [r.id, r.unicodeName]));
}
