/**
 * Resellers for the registrar console: filter by status, search by name, slug or host; offset pages.
 * API sandboxes' shadow resellers are not resellers anyone signed: never listed nor counted.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import type { Prisma } from "@/generated/prisma/client";
import { toPage } from "@/lib/pagination";
import { requireRegistrarReader } from "./guards";
import { parseInput } from "@/server/parse-input";
import { sandboxResellerIds } from "@/server/live-tenants";

const input = z.object({
  status: z.enum(["active", "suspended", "closed"]).optional(),
  search: z.string().trim().max(100).default(""),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export async function listResellers(ctx: ActorContext, raw: z.input<typeof input> = {}) {
  requireRegistrarReader(ctx);
  const { status, search, page, pageSize } = parseInput(input, raw);
  const where: Prisma.ResellerWhereInput = {
    id: { notIn: await sandboxResellerIds() },
    ...(status ? { status } : {}),
    ...(search
      ? {
          OR: [
            { displayName: { contains: search, mode: "insensitive" } },
            { legalName: { contains: search, mode: "insensitive" } },
            { slug: { contains: search.toLowerCase() } },
            { hostNames: { some: { host: { contains: search.toLowerCase() } } } },
          ],
        }
      : {}),
  };
  const [total, items] = await Promise.all([
    db.reseller.count({ where }),
    db.reseller.findMany({
      where,
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: {
        hostNames: { where: { kind: "platform" }, select: { host: true } },
        _count: { select: { memberships: true, registrants: true } },
      },
    }),
  ]);
  return toPage(items, total, page, pageSize);
}
