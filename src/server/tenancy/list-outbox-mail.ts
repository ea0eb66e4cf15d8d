/** The mail outbox: a reseller's staff see their reseller's mail, registrar staff see all of it. */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import type { Prisma } from "@/generated/prisma/client";
import { toPage } from "@/lib/pagination";
import { requireRegistrarReader, requireResellerReader } from "./guards";
import { parseInput } from "./parse-input";

const input = z.object({
  // A reseller id limits the view to that reseller's mail; null means everything (registrar only).
  resellerId: z.uuid().nullable(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export async function listOutboxMail(ctx: ActorContext, raw: z.input<typeof input>) {
  const { resellerId, page, pageSize } = parseInput(input, raw);
  if (resellerId === null) requireRegistrarReader(ctx);
  else requireResellerReader(ctx, resellerId);
  const where: Prisma.OutboxMailWhereInput = resellerId === null ? {} : { resellerId };
  const [total, items] = await Promise.all([
    db.outboxMail.count({ where }),
    db.outboxMail.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return toPage(items, total, page, pageSize);
}
