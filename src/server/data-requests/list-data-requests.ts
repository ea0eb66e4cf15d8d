/** The registrar console's data-request queue with its two clocks, and one request in full. */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { requireRegistrarReader } from "@/server/tenancy/guards";
import { toPage, type Page } from "@/lib/pagination";
import type { DataRequest } from "@/generated/prisma/client";

const listInput = z.object({
  open: z.boolean().default(true),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export type DataRequestRow = Omit<DataRequest, "confirmTokenHash">;

const strip = ({ confirmTokenHash: _hidden, ...rest }: DataRequest): DataRequestRow => rest;

export async function listDataRequests(
  ctx: ActorContext,
  raw: z.input<typeof listInput> = {},
): Promise<Page<DataRequestRow>> {
  requireRegistrarReader(ctx);
  const { open, page, pageSize } = parseInput(listInput, raw);
  const where = open
    ? { status: { in: ["open" as const, "acknowledged" as const] } }
    : { status: { in: ["completed" as const, "refused" as const, "awaiting_confirmation" as const] } };
  const [total, rows] = await Promise.all([
    db.dataRequest.count({ where }),
    db.dataRequest.findMany({
      where,
      orderBy: [{ receivedAt: open ? "asc" : "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return toPage(rows.map(strip), total, page, pageSize);
}

export async function getDataRequest(ctx: ActorContext, id: string): Promise<DataRequestRow> {
  requireRegistrarReader(ctx);
  const r = z.uuid().safeParse(id).success ? await db.dataRequest.findUnique({ where: { id } }) : null;
  if (!r) throw new AppError("NOT_FOUND", "We could not find that request.");
  return strip(r);
}
