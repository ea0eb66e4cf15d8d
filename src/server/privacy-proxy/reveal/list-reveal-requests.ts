/** The registrar's reveal-request queue with its clocks, one request in full, and what a registrant sees. */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { requireRegistrarReader } from "@/server/tenancy/guards";
import { getDomainOrThrow } from "@/server/domains/manage/get-domain-or-throw";
import { toPage, type Page } from "@/lib/pagination";
import type { RevealRequest } from "@/generated/prisma/client";

const listInput = z.object({
  open: z.boolean().default(true),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

const OPEN = ["received", "acknowledged"] as const;

export async function listRevealRequests(
  ctx: ActorContext,
  raw: z.input<typeof listInput> = {},
): Promise<Page<RevealRequest>> {
  requireRegistrarReader(ctx);
  const { open, page, pageSize } = parseInput(listInput, raw);
  const where = { status: { in: open ? [...OPEN] : (["disclosed", "refused"] as const).slice() } };
  const [total, rows] = await Promise.all([
    db.revealRequest.count({ where }),
    db.revealRequest.findMany({
      where,
      // Open: escalated first (a clock ran out, decision 127), then oldest first.
      orderBy: open
        ? [{ escalatedAt: { sort: "asc", nulls: "last" } }, { receivedAt: "asc" }, { id: "asc" }]
        : [{ receivedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return toPage(rows, total, page, pageSize);
}

export async function getRevealRequest(ctx: ActorContext, id: string): Promise<RevealRequest> {
  requireRegistrarReader(ctx);
  const r = z.uuid().safeParse(id).success ? await db.revealRequest.findUnique({ where: { id } }) : null;
  if (!r) throw new AppError("NOT_FOUND", "We could not find that request.");
  return r;
}

/** What the registrant is shown of an undecided request: never who asked, only as whom and why. */
export type PendingReveal = Pick<
  RevealRequest,
  | "id"
  | "reference"
  | "requesterKind"
  | "reason"
  | "receivedAt"
  | "registrantAnswerBy"
  | "registrantAnsweredAt"
  | "registrantPosition"
  | "decideBy"
>;

export async function pendingRevealsForDomain(ctx: ActorContext, domainId: string): Promise<PendingReveal[]> {
  const domain = await getDomainOrThrow(ctx, domainId);
  return db.revealRequest.findMany({
    where: { domainId: domain.id, status: { in: [...OPEN] } },
    orderBy: { receivedAt: "asc" },
    select: {
      id: true,
      reference: true,
      requesterKind: true,
      reason: true,
      receivedAt: true,
      registrantAnswerBy: true,
      registrantAnsweredAt: true,
      registrantPosition: true,
      decideBy: true,
    },
  });
}
