/**
 * The job worker: `npm run worker`. Runs every job in src/server/all-jobs.ts and the scheduled
 * sweeps. Any number of workers may run against one database.
 */
import "./server-only-outside-next"; // first: lets this process load server modules outside Next
import { env } from "@/env";
import { allJobs } from "@/server/all-jobs";
import { startWorkerBoss } from "@/server/jobs/boss";
import { ensureQueue } from "@/server/jobs/ensure-queue";
import { startSweepCadence } from "@/server/jobs/sweep-cadence";
import { assertSafeForProduction } from "@/server/production-check";

export async function startWorker(connectionString: string) {
  // Jobs seal auth codes and talk to the registry: never on development secrets or stand-ins.
  assertSafeForProduction(env());
  const boss = await startWorkerBoss(connectionString);
  for (const def of allJobs) {
    await ensureQueue(boss, def);
    // pg-boss 10 runs one job at a time per work() call: several calls give the queue several lanes.
    for (let lane = 0; lane < (def.concurrency ?? 1); lane++) {
      await boss.work<unknown>(def.name, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await def.handler(def.payload.parse(job.data) as never);
      });
    }
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: "UTC" });
  }
  const stopSweeps = startSweepCadence(boss, allJobs);
  return {
    stop: () => {
      stopSweeps();
      return boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

const isMain = process.argv[1]?.endsWith("worker.ts") || process.argv[1]?.endsWith("worker.js");
async function main() {
  const url = env().DATABASE_URL;
  if (!url) {
    console.error("worker: DATABASE_URL is not set (npm run dev starts the worker with it)");
    process.exit(1);
  }
  const worker = await startWorker(url);
  console.log("worker: running");
  const shutdown = async () => {
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

if (isMain)
  main().catch((e: unknown) => {
    console.error(`worker: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
