/**
 * Order items waiting for a person's decision, longest-waiting first. A reseller's staff see their
 * own; registrar staff see every reseller's, or one reseller's when they ask.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { parseInput } from "@/server/parse-input";
import { requireRegistrarReader, requireResellerReader } from "@/server/tenancy/guards";
import { toPage, type Page } from "@/lib/pagination";
import type { OrderItemKind } from "@/generated/prisma/enums";

const input = z.object({
  resellerId: z.uuid().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(30),
});

export type ParkedItemRow = {
  id: string;
  orderId: string;
  resellerId: string;
  resellerName: string;
  kind: OrderItemKind;
  subject: string;
  currency: string;
  retailAmount: number;
  wholesaleAmount: number;
  parkedAt: Date;
  parkedReason: string | null;
  attempts: number;
};

export async function listParkedItems(
  ctx: ActorContext,
  raw: z.input<typeof input> = {},
): Promise<Page<ParkedItemRow>> {
  const { page, pageSize, ...asked } = parseInput(input, raw);
  // Reseller staff always read their own reseller's list, whatever they ask for.
  const resellerId = asked.resellerId ?? (ctx.kind === "registrar" ? undefined : (ctx.resellerId ?? undefined));
  if (resellerId) requireResellerReader(ctx, resellerId);
  else requireRegistrarReader(ctx);

  const where = { state: "parked" as const, ...(resellerId ? { resellerId } : {}) };
  const [total, items] = await Promise.all([
    db.orderItem.count({ where }),
    db.orderItem.findMany({
      where,
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: {
        order: { select: { currency: true } },
        transitions: { where: { toState: "parked" }, orderBy: { at: "desc" }, take: 1, select: { at: true } },
      },
    }),
  ]);
  const ids = items.map((i) => i.id);
  const [runs, resellers] = await Promise.all([
    db.fulfilmentRun.findMany({ where: { itemId: { in: ids } } }),
    db.reseller.findMany({
      where: { id: { in: [...new Set(items.map((i) => i.resellerId))] } },
      select: { id: true, displayName: true },
    }),
  ]);
  const runOf = new Map(runs.map((r) => [r.itemId, r]));
  const nameOf = new Map(resellers.map((r) => [r.id, r.displayName]));
  const rows = items.map((i) => ({
    id: i.id,
    orderId: i.orderId,
    resellerId: i.resellerId,
    resellerName: nameOf.get(i.resellerId) ?? "",
    kind: i.kind,
    subject: i.subject,
    currency: i.order.currency,
    retailAmount: i.retailAmount,
    wholesaleAmount: i.wholesaleAmount,
    parkedAt: i.transitions[0]?.at ?? i.updatedAt,
    parkedReason: runOf.get(i.id)?.parkedReason ?? null,
    attempts: runOf.get(i.id)?.attempts ?? 0,
  }));
  return toPage(rows, total, page, pageSize);
}
