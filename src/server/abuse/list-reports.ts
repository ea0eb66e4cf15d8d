/**
 * The registrar console's abuse queue and one report in full. Registrar staff only: a report holds
 * the reporter's address, which resellers never read.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { requireRegistrarReader } from "@/server/tenancy/guards";
import { toPage, type Page } from "@/lib/pagination";
import type { AbuseCategory, AbuseStatus } from "@/generated/prisma/enums";

const listInput = z.object({
  status: z.enum(["open", "received", "acknowledged", "actioned", "closed"]).default("open"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export type AbuseReportRow = {
  id: string;
  reference: string;
  category: AbuseCategory;
  domainName: string;
  resellerName: string | null;
  status: AbuseStatus;
  fromAuthority: boolean;
  receivedAt: Date;
  acknowledgeBy: Date;
  actionBy: Date;
  acknowledgedAt: Date | null;
  actionedAt: Date | null;
  /** When a clock ran out undecided and was escalated (compliance-escalations). */
  escalatedAt: Date | null;
};

export async function listAbuseReports(
  ctx: ActorContext,
  raw: z.input<typeof listInput> = {},
): Promise<Page<AbuseReportRow>> {
  requireRegistrarReader(ctx);
  const { status, page, pageSize } = parseInput(listInput, raw);
  const where = status === "open" ? { status: { not: "closed" as const } } : { status };
  const [total, rows] = await Promise.all([
    db.abuseReport.count({ where }),
    db.abuseReport.findMany({
      where,
      // Escalated first (a clock ran out), then oldest first: the one nearest its deadline is next.
      orderBy: [
        ...(status === "closed" ? [] : [{ escalatedAt: { sort: "asc" as const, nulls: "last" as const } }]),
        { receivedAt: status === "closed" ? "desc" : "asc" },
        { id: "asc" },
      ],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const ids = [...new Set(rows.flatMap((r) => (r.resellerId ? [r.resellerId] : [])))];
  const names = new Map(
    (await db.reseller.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((r) => [
      r.id,
      r.displayName,
    ]),
  );
  return toPage(
    rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      category: r.category,
      domainName: r.domainName,
      resellerName: r.resellerId ? (names.get(r.resellerId) ?? null) : null,
      status: r.status,
      fromAuthority: r.fromAuthority,
      receivedAt: r.receivedAt,
      acknowledgeBy: r.acknowledgeBy,
      actionBy: r.actionBy,
      acknowledgedAt: r.acknowledgedAt,
      actionedAt: r.actionedAt,
      escalatedAt: r.escalatedAt,
    })),
    total,
    page,
    pageSize,
  );
}

export async function getAbuseReport(ctx: ActorContext, id: string) {
  requireRegistrarReader(ctx);
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "We could not find that report.");
  const report = await db.abuseReport.findUnique({
    where: { id },
    include: { evidence: { orderBy: { createdAt: "asc" } }, actions: { orderBy: { at: "asc" } } },
  });
  if (!report) throw new AppError("NOT_FOUND", "We could not find that report.");
  const [domain, reseller, hold] = await Promise.all([
    report.domainId ? db.domain.findUnique({ where: { id: report.domainId } }) : null,
    report.resellerId ? db.reseller.findUnique({ where: { id: report.resellerId } }) : null,
    report.domainId ? db.abuseHold.findFirst({ where: { domainId: report.domainId, liftedAt: null } }) : null,
  ]);
  return {
    report,
    domain: domain && {
      id: domain.id,
      name: domain.name,
      state: domain.state,
      registryStatuses: domain.registryStatuses,
    },
    resellerName: reseller?.displayName ?? null,
    holdOpen: hold !== null,
  };
}

/** A timer's state for the page: met (and when), overdue, or time left. */
export function timerState(due: Date, doneAt: Date | null, now: Date): { label: string; overdue: boolean } {
  if (doneAt) return { label: doneAt <= due ? "met" : "met late", overdue: false };
  const left = due.getTime() - now.getTime();
  const hours = Math.floor(Math.abs(left) / 3_600_000);
  const minutes = Math.floor((Math.abs(left) % 3_600_000) / 60_000);
  const span = `${hours} h ${minutes} min`;
  return left >= 0 ? { label: `${span} left`, overdue: false } : { label: `overdue by ${span}`, overdue: true };
}
