/**
 * When the worker is killed and the registry restarted: at seeded points of the run's progress (the
 * share of planned items that have finished), each after a seeded delay so it lands at an arbitrary
 * moment of whatever the processes are doing. The worker dies by SIGKILL mid-work and comes back;
 * the registry is stopped (SIGTERM, connections cut) and started again on its saved state.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Random } from "./random";

export type Disruption = { kind: "kill-worker" | "restart-registry"; at: number; firedAt?: number };

export function planDisruptions(random: Random, workerKills: number, registryRestarts: number): Disruption[] {
  const events: Disruption[] = [
    ...Array.from({ length: workerKills }, () => ({ kind: "kill-worker" as const, at: 0.05 + random.next() * 0.8 })),
    ...Array.from({ length: registryRestarts }, () => ({
      kind: "restart-registry" as const,
      at: 0.15 + random.next() * 0.6,
    })),
  ];
  return events.sort((a, b) => a.at - b.at);
}

export type DisruptionActions = {
  /** Kills one worker (its name is returned) and gives back how to start it again. */
  killWorker: () => Promise<{ name: string; start: () => Promise<void> }>;
  stopRegistry: () => Promise<void>;
  startRegistry: () => Promise<void>;
};

export class Disruptor {
  readonly log: string[] = [];
  private busy = false;

  constructor(
    readonly events: Disruption[],
    private readonly actions: DisruptionActions,
    private readonly random: Random,
    private readonly startedAt: number,
  ) {}

  get done(): boolean {
    return this.events.every((e) => e.firedAt !== undefined);
  }

  /** Fires the next event whose point `progress` has passed (one at a time). */
  async step(progress: number): Promise<void> {
    if (this.busy) return;
    const next = this.events.find((e) => e.firedAt === undefined && e.at <= progress);
    if (!next) return;
    this.busy = true;
    try {
      await sleep(this.random.int(0, 1_500));
      next.firedAt = Date.now();
      const t = ((next.firedAt - this.startedAt) / 1000).toFixed(1);
      let what: string = next.kind;
      if (next.kind === "kill-worker") {
        const killed = await this.actions.killWorker();
        what = `kill-worker ${killed.name}`;
        await sleep(this.random.int(200, 2_000));
        await killed.start();
      } else {
        await this.actions.stopRegistry();
        await sleep(this.random.int(500, 3_000));
        await this.actions.startRegistry();
      }
      this.log.push(`${what} at ${t}s (progress ${(progress * 100).toFixed(0)} %)`);
    } finally {
      this.busy = false;
    }
  }
}
