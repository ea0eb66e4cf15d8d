/** Bulk jobs: one action on many of the reseller's names, run by the worker; poll for progress. */
import { z } from "zod";
import { BulkAction } from "@/generated/prisma/enums";
import { createBulkJob, MAX_BULK } from "@/server/domains/bulk/create-bulk-job";
import { getBulkJobOrThrow, listBulkJobs } from "@/server/domains/bulk/get-bulk-job";
import { AppError } from "@/server/errors";
import type { BulkJob } from "@/generated/prisma/client";
import { defineRoute } from "./define-route";
import { isoDate, noParams, noQuery } from "./schemas";
import { UUID } from "./uuid";

const bulkJob = z.object({
  id: z.string(),
  action: z.enum(BulkAction),
  status: z.string().describe("queued, running, finished…"),
  total: z.number().int(),
  done: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  createdAt: isoDate,
  finishedAt: isoDate.nullable(),
});

function jobView(j: BulkJob): z.input<typeof bulkJob> {
  return {
    id: j.id,
    action: j.action,
    status: j.status,
    total: j.total,
    done: j.done,
    succeeded: j.succeeded,
    failed: j.failed,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

export const startBulkJob = defineRoute({
  method: "POST",
  path: "/bulk-jobs",
  operationId: "startBulkJob",
  summary: `Start one action on up to ${MAX_BULK} of the reseller's names; names it does not hold become failed items.`,
  scope: "domains",
  params: noParams,
  query: noQuery,
  body: z.object({
    action: z.enum(BulkAction),
    names: z.array(z.string().min(1).max(253)).min(1).max(MAX_BULK),
    years: z.number().int().min(1).max(10).optional().describe("renew: years to add (default 1)."),
    nameservers: z.array(z.string().min(1).max(253)).max(13).optional().describe("nameservers: the new set."),
  }),
  response: bulkJob,
  status: 202,
  handler: async (caller, { body }) => {
    const { id } = await createBulkJob(caller.ctx, {
      action: body.action,
      names: body.names,
      years: body.years,
      nameservers: body.nameservers?.join("\n"),
    });
    return jobView(await getBulkJobOrThrow(caller.ctx, id));
  },
});

export const getBulkJob = defineRoute({
  method: "GET",
  path: "/bulk-jobs/{id}",
  operationId: "getBulkJob",
  summary: "A bulk job's progress and each name's outcome.",
  scope: "read",
  params: z.object({ id: z.string().max(64) }),
  query: noQuery,
  body: null,
  response: bulkJob.extend({
    items: z.array(
      z.object({
        name: z.string(),
        status: z.string(),
        code: z.number().int().nullable().describe("The registry's result code, when it answered."),
        message: z.string(),
        orderId: z.string().nullable(),
      }),
    ),
  }),
  handler: async (caller, { params }) => {
    if (!UUID.test(params.id)) throw new AppError("NOT_FOUND");
    const job = await getBulkJobOrThrow(caller.ctx, params.id);
    return {
      ...jobView(job),
      items: job.items.map((i) => ({
        name: i.domainName,
        status: i.status,
        code: i.code,
        message: i.message,
        orderId: i.orderId,
      })),
    };
  },
});

export const listBulkJobsRoute = defineRoute({
  method: "GET",
  path: "/bulk-jobs",
  operationId: "listBulkJobs",
  summary: "The reseller's 50 latest bulk jobs, newest first.",
  scope: "read",
  params: noParams,
  query: noQuery,
  body: null,
  response: z.object({ data: z.array(bulkJob) }),
  handler: async (caller) => ({ data: (await listBulkJobs(caller.ctx, caller.ctx.resellerId)).map(jobView) }),
});
