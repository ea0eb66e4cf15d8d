/**
 * The daily sweep of API sandboxes (decision 118): what test keys made goes once it is
 * SANDBOX_RETENTION_DAYS old, so sandboxes stop growing with every test run. Live rows cannot match
 * (delete-sandbox-rows.ts reaches only shadow resellers). Webhook deliveries still retrying stay.
 */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { deleteSandboxRows, type SandboxRowsDeleted } from "./delete-sandbox-rows";

/** Longer than a month of test runs and than any retry (3 days) or replay a developer would want. */
export const SANDBOX_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60_000;

export async function sweepSandboxes(now = new Date()): Promise<SandboxRowsDeleted> {
  const before = new Date(now.getTime() - SANDBOX_RETENTION_DAYS * DAY_MS);
  return deleteSandboxRows({ all: true }, before, { keepPendingDeliveries: true });
}

export const sweepSandboxesJob = defineJob({
  name: "sandbox.sweep",
  payload: z.object({}),
  cron: "53 3 * * *",
  retry: { limit: 0 },
  handler: async () => void (await sweepSandboxes()),
});
