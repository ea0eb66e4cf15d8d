/**
 * Audit log pages, newest first. Registrar staff read all of it (optionally one reseller's, or one
 * entity's); a reseller's staff read their own reseller's entries only.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import type { Prisma } from "@/generated/prisma/client";
import { toPage } from "@/lib/pagination";
import { requireRegistrarReader, requireResellerReader } from "./guards";
import { parseInput } from "@/server/parse-input";

const input = z.object({
  resellerId: z.uuid().optional(),
  entity: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(30),
});

export async function listAuditEntries(ctx: ActorContext, raw: z.input<typeof input>) {
  const { resellerId, entity, entityId, page, pageSize } = parseInput(input, raw);
  if (resellerId) requireResellerReader(ctx, resellerId);
  else requireRegistrarReader(ctx);
  const where: Prisma.AuditEntryWhereInput = {
    ...(resellerId ? { resellerId } : {}),
    ...(entity ? { entity } : {}),
    ...(entityId ? { entityId } : {}),
  };
  const [total, items] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findMany({ where, orderBy: { seq: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return toPage(items, total, page, pageSize);
}
