/**
 * The job queue: pg-boss on the platform's own PostgreSQL (schema `pgboss`), so a job can be
 * enqueued in the same transaction as the state change that calls for it (docs/decisions/005-job-queue.md).
 */
import PgBoss from "pg-boss";
import { env } from "@/env";

const globalForBoss = globalThis as unknown as { __boss?: Promise<PgBoss> };

async function start(connectionString: string, opts: { schedule: boolean }): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, schedule: opts.schedule, supervise: opts.schedule, max: 4 });
  boss.on("error", (err: Error) => console.error("job queue:", err.message));
  await boss.start();
  return boss;
}

/** A queue handle for enqueueing (no workers, no scheduling). */
export function queue(): Promise<PgBoss> {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  globalForBoss.__boss ??= start(url, { schedule: false });
  return globalForBoss.__boss;
}

/** The worker's handle: schedules cron jobs and supervises the queue. */
export function startWorkerBoss(connectionString: string): Promise<PgBoss> {
  return start(connectionString, { schedule: true });
}
