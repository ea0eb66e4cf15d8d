/**
 * Starts a bulk action on a selection or an uploaded CSV of names. Every name is checked against the
 * reseller's own domains first (unknown or foreign names become failed items with a reason, never a
 * lookup into another tenant), then the job runs in the worker and the page polls its progress.
 */
import { db } from "@/server/db";
import { assertCanWrite, assertRole, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import type { BulkAction } from "@/generated/prisma/enums";
import { bulkRunJob } from "./jobs";
import { nameserverProblems, parseNameserverLines } from "../manage/rules";

export const MAX_BULK = 5_000;

export type BulkInput = {
  action: BulkAction;
  names: string[];
  years?: number;
  nameservers?: string;
  source?: "selection" | "csv";
};

/** Names from a CSV upload: the first column of each row, header row and blanks skipped. */
export function namesFromCsv(csv: string): string[] {
  return csv
    .split(/\r?\n/)
    .map((line) => line.split(",")[0]?.trim().replace(/^"|"$/g, "").toLowerCase() ?? "")
    .filter((n) => n && n !== "domain" && n !== "name" && n.includes("."));
}

export async function createBulkJob(ctx: ActorContext, input: BulkInput): Promise<{ id: string }> {
  if (ctx.kind !== "user") throw new AppError("FORBIDDEN");
  assertCanWrite(ctx);
  assertRole(ctx, ["owner", "admin", "support"]);
  const names = [...new Set(input.names.map((n) => n.trim().toLowerCase()).filter(Boolean))];
  if (!names.length)
    throw new AppError("INVALID_INPUT", "Choose at least one domain.", {
      fields: { names: "Choose at least one domain." },
    });
  if (names.length > MAX_BULK)
    throw new AppError("INVALID_INPUT", `At most ${MAX_BULK} names per bulk action.`, {
      fields: { names: `At most ${MAX_BULK} names.` },
    });
  const params: Record<string, unknown> = {};
  if (input.action === "renew") {
    const years = input.years ?? 1;
    if (!Number.isInteger(years) || years < 1 || years > 10)
      throw new AppError("INVALID_INPUT", "Renew for 1 to 10 years.", { fields: { years: "Choose 1 to 10 years." } });
    params.years = years;
  }
  if (input.action === "nameservers") {
    const list = parseNameserverLines(input.nameservers ?? "");
    const problems = nameserverProblems(
      "bulk.invalid",
      list.filter((n) => !n.addresses.length),
    );
    if (list.some((n) => n.addresses.length))
      problems.nameservers = "Bulk name servers cannot carry glue; set hosts under a domain on that domain's page.";
    if (Object.keys(problems).length)
      throw new AppError("INVALID_INPUT", "The name servers are not valid.", {
        fields: { nameservers: Object.values(problems)[0] },
      });
    params.nameservers = list.map((n) => n.host);
  }
  const owned = await db.domain.findMany({
    where: { resellerId: ctx.resellerId, name: { in: names } },
    select: { id: true, name: true },
  });
  const byName = new Map(owned.map((d) => [d.name, d.id]));
  return db.$transaction(async (tx) => {
    const job = await tx.bulkJob.create({
      data: {
        resellerId: ctx.resellerId,
        createdById: ctx.actorId,
        action: input.action,
        params: params as object,
        source: input.source ?? "selection",
        total: names.length,
      },
    });
    await tx.bulkJobItem.createMany({
      data: names.map((name, position) => ({
        bulkJobId: job.id,
        position,
        domainName: name,
        domainId: byName.get(name) ?? null,
        ...(byName.has(name) ? {} : { status: "failed" as const, message: "Not a domain of this account." }),
      })),
    });
    const missing = names.length - byName.size;
    if (missing) await tx.bulkJob.update({ where: { id: job.id }, data: { done: missing, failed: missing } });
    await recordAudit(tx, ctx, {
      action: `bulk.${input.action}`,
      entity: "bulk_job",
      entityId: job.id,
      resellerId: ctx.resellerId,
      after: { total: names.length, params },
    });
    await enqueueJob(tx, bulkRunJob, { bulkJobId: job.id }, { singletonKey: job.id });
    return { id: job.id };
  });
}
