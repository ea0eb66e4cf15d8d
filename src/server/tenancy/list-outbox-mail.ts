/**
 * The mail outbox: a reseller's staff see their reseller's mail, registrar staff see all of it.
 * Bodies are the redacted copies (no secret links ever); and only registrar admins read other
 * people's mail: everyone else sees who was written to, about what and when, and reads the
 * bodies of mail addressed to themselves (docs/decisions/064-mail-secrets.md).
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import type { Prisma } from "@/generated/prisma/client";
import { toPage } from "@/lib/pagination";
import { requireRegistrarReader, requireResellerReader } from "./guards";
import { parseInput } from "@/server/parse-input";

const input = z.object({
  // A reseller id limits the view to that reseller's mail; null means everything (registrar only).
  resellerId: z.uuid().nullable(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

// Never the deliverable copy (secretText, secretHtml): it holds the links.
const shown = {
  id: true,
  resellerId: true,
  toAddress: true,
  subject: true,
  textBody: true,
  kind: true,
  createdAt: true,
  sentAt: true,
  attempts: true,
  lastError: true,
} as const;

async function readerEmail(ctx: ActorContext): Promise<string | null> {
  if (ctx.kind !== "user" && ctx.kind !== "registrar") return null;
  const user = await db.user.findUnique({ where: { id: ctx.actorId }, select: { email: true } });
  return user?.email.toLowerCase() ?? null;
}

export async function listOutboxMail(ctx: ActorContext, raw: z.input<typeof input>) {
  const { resellerId, page, pageSize } = parseInput(input, raw);
  if (resellerId === null) requireRegistrarReader(ctx);
  else requireResellerReader(ctx, resellerId);
  const where: Prisma.OutboxMailWhereInput = resellerId === null ? {} : { resellerId };
  const readsAll = ctx.kind === "system" || ctx.role === "registrar_admin";
  const [total, rows, email] = await Promise.all([
    db.outboxMail.count({ where }),
    db.outboxMail.findMany({
      where,
      select: shown,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    readsAll ? null : readerEmail(ctx),
  ]);
  const items = rows.map(({ textBody, ...m }) => ({
    ...m,
    textBody: readsAll || m.toAddress.toLowerCase() === email ? textBody : null,
  }));
  return toPage(items, total, page, pageSize);
}
