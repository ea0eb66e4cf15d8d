/**
 * Applications for the registrar console: pending first (oldest first, so none waits forever), then
 * decided ones, newest decision first. Paged across both groups.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { toPage } from "@/lib/pagination";
import { requireRegistrarReader } from "./guards";
import { parseInput } from "@/server/parse-input";

const input = z.object({
  status: z.enum(["pending", "approved", "declined"]).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

const include = { reseller: { select: { id: true, slug: true, displayName: true } } } as const;

export async function listResellerApplications(ctx: ActorContext, raw: z.input<typeof input> = {}) {
  requireRegistrarReader(ctx);
  const { status, page, pageSize } = parseInput(input, raw);
  const wantPending = !status || status === "pending";
  const decidedWhere = status ? { status } : { status: { in: ["approved" as const, "declined" as const] } };
  const [pendingCount, decidedCount] = await Promise.all([
    wantPending ? db.resellerApplication.count({ where: { status: "pending" } }) : 0,
    status === "pending" ? 0 : db.resellerApplication.count({ where: decidedWhere }),
  ]);
  const start = (page - 1) * pageSize;
  const pending =
    start < pendingCount
      ? await db.resellerApplication.findMany({
          where: { status: "pending" },
          orderBy: { createdAt: "asc" },
          skip: start,
          take: pageSize,
          include,
        })
      : [];
  const remaining = pageSize - pending.length;
  const decided =
    remaining > 0 && status !== "pending"
      ? await db.resellerApplication.findMany({
          where: decidedWhere,
          orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
          skip: Math.max(0, start - pendingCount),
          take: remaining,
          include,
        })
      : [];
  return toPage([...pending, ...decided], pendingCount + decidedCount, page, pageSize);
}

export async function countPendingApplications(ctx: ActorContext): Promise<number> {
  requireRegistrarReader(ctx);
  return db.resellerApplication.count({ where: { status: "pending" } });
}
