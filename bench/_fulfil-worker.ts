/**
 * One fulfilment worker process of `npm run bench -- domains` (forked by it, never run alone): as in
 * production, where several worker processes share the queue, each process runs its share of the
 * paid items through the engine on lanes of its own. It loads and warms up first, says "ready", and
 * runs its share on "go", so the parent times the work and not the start of a process.
 */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { z } from "zod";
import { countQueries } from "./_count-queries";

const start = z.object({
  type: z.literal("start"),
  registryPort: z.number().int(),
  tlds: z.record(z.string(), z.string()),
  warmup: z.array(z.string()),
  items: z.array(z.string()),
  lanes: z.number().int().positive(),
});
const go = z.object({ type: z.literal("go") });

export type WorkerReport = {
  type: "done";
  statements: number;
  roundTrips: number;
  cpuMs: number;
  /** Items that did not end completed, by what the engine answered: the parent refuses a run with any. */
  notCompleted: Record<string, number>;
};

const send = (m: unknown) => process.send?.(m);

function lanes(ids: string[], count: number, op: (id: string) => Promise<unknown>) {
  let next = 0;
  return Promise.all(
    Array.from({ length: count }, async () => {
      while (next < ids.length) await op(ids[next++]);
    }),
  );
}

async function main(): Promise<void> {
  const first = await new Promise<unknown>((resolve) => process.once("message", resolve));
  const job = start.parse(first);
  const { buildRegistryRouter, setRegistryForTests } = await import("../src/server/registry/access");
  const { runFulfilment } = await import("../src/server/fulfilment/run-fulfilment");
  const { db } = await import("../src/server/db");
  const router = buildRegistryRouter(
    {
      adapter: "epp",
      host: "127.0.0.1",
      port: job.registryPort,
      tlsInsecure: true,
      clientId: "platform",
      password: "platform-dev-pass",
      // One session per lane: the registry counts every worker's sessions against the registrar.
      poolSize: job.lanes,
      commandTimeoutMs: 10_000,
    },
    job.tlds,
  );
  setRegistryForTests(router.router, "platform");
  const notCompleted: Record<string, number> = {};
  const run = async (id: string) => {
    const state = await runFulfilment(id);
    if (state !== "completed") notCompleted[state] = (notCompleted[state] ?? 0) + 1;
  };
  await lanes(job.warmup, job.lanes, run);
  const started = new Promise<unknown>((resolve) => process.once("message", resolve));
  send({ type: "ready" });
  go.parse(await started);
  const counted = countQueries();
  const cpu = process.cpuUsage();
  await lanes(job.items, job.lanes, run);
  const used = process.cpuUsage(cpu);
  const { statements, roundTrips } = counted.stop();
  const report: WorkerReport = {
    type: "done",
    statements,
    roundTrips,
    cpuMs: (used.user + used.system) / 1000,
    notCompleted,
  };
  send(report);
  setRegistryForTests(null);
  await router.close();
  await db.$disconnect();
  process.disconnect?.();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
