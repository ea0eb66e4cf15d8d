/**
 * Customers' trademark records for the consoles: one reseller's, or every reseller's for registrar
 * staff, newest first in keyset pages over (createdAt, id). No submission body or SMD file: the list
 * shows neither.
 */
import { z } from "zod";
import type { TmchMarkState } from "@/generated/prisma/enums";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { parseInput } from "@/server/parse-input";
import { afterCursor, encodeCursor, launchViewScope } from "./view-scope";

export const listLaunchMarksSchema = z.object({
  resellerId: z.string().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export type LaunchMarkRow = {
  id: string;
  resellerId: string;
  resellerName: string;
  customerEmail: string | null;
  markName: string;
  labels: string[];
  state: TmchMarkState;
  expiresAt: Date | null;
  createdAt: Date;
};

export async function listLaunchMarks(
  ctx: ActorContext,
  raw: z.input<typeof listLaunchMarksSchema> = {},
): Promise<{ rows: LaunchMarkRow[]; next: string | null }> {
  const input = parseInput(listLaunchMarksSchema, raw);
  const marks = await db.tmchMark.findMany({
    where: { ...(await launchViewScope(ctx, input.resellerId)), ...afterCursor(input.cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      resellerId: true,
      registrantId: true,
      markName: true,
      labels: true,
      state: true,
      expiresAt: true,
      createdAt: true,
    },
  });
  const page = marks.slice(0, input.limit);
  const [registrants, resellers] = await Promise.all([
    db.registrant.findMany({
      where: { id: { in: [...new Set(page.map((m) => m.registrantId))] } },
      select: { id: true, email: true },
    }),
    db.reseller.findMany({
      where: { id: { in: [...new Set(page.map((m) => m.resellerId))] } },
      select: { id: true, displayName: true },
    }),
  ]);
  const emails = new Map(registrants.map((r) => [r.id, r.email]));
  const names = new Map(resellers.map((r) => [r.id, r.displayName]));
  const last = page.at(-1);
  return {
    rows: page.map(({ registrantId, ...m }) => ({
      ...m,
      resellerName: names.get(m.resellerId) ?? "",
      customerEmail: emails.get(registrantId) ?? null,
    })),
    next: marks.length > input.limit && last ? encodeCursor(last) : null,
  };
}
