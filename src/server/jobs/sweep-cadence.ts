/**
 * The every-minute sweeps at a shorter cadence when SWEEP_EVERY_SECONDS asks for one (decision 131).
 * pg-boss's cron has a minute's resolution and looks for due schedules every 30 s, so a state change
 * can wait up to about 90 s for the next pass; a demo or test server asks for a few seconds instead.
 * The cron schedules stay: this only adds passes between theirs.
 */
import type PgBoss from "pg-boss";
import { env } from "@/env";
import type { JobDefinition } from "./define-job";

const EVERY_MINUTE = "* * * * *";

/** How often a minute's sweep runs: its cron's minute, or the shorter cadence asked for. */
export function sweepIntervalMs(): number {
  return (env().SWEEP_EVERY_SECONDS ?? 60) * 1000;
}

async function sendOnePass(boss: PgBoss, name: string, seconds: number): Promise<void> {
  // A pass still waiting covers this one: a slow sweep never gathers a queue of passes behind it.
  if ((await boss.getQueueSize(name)) > 0) return;
  // One pass per slot, however many workers run the same timer.
  await boss.send(name, {}, { singletonKey: "sweep-cadence", singletonSeconds: seconds });
}

/** Starts the extra passes; the returned function stops them. Nothing runs unless the setting is there. */
export function startSweepCadence(boss: PgBoss, defs: readonly JobDefinition[]): () => void {
  const seconds = env().SWEEP_EVERY_SECONDS;
  if (!seconds) return () => {};
  const names = defs.filter((d) => d.cron === EVERY_MINUTE).map((d) => d.name);
  const timer = setInterval(() => {
    for (const name of names)
      sendOnePass(boss, name, seconds).catch((e: unknown) =>
        console.error(`sweep cadence: ${name}: ${e instanceof Error ? e.message : String(e)}`),
      );
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
