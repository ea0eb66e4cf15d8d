/**
 * A queue exists before the first job is sent to it, created with its definition's retry policy.
 * The enqueuer creates it on first use, so nothing has to know every job up front. pg-boss makes a
 * table per queue, and two creates of one queue at once can deadlock: a process creates each queue
 * once (concurrent callers share the attempt), and a create that lost to another process's is fine.
 */
import type PgBoss from "pg-boss";
import type { JobDefinition } from "./define-job";

const expiry = (v: number | (() => number)) => (typeof v === "function" ? v() : v);

const ready = new WeakMap<PgBoss, Map<string, Promise<void>>>();

async function create(boss: PgBoss, def: JobDefinition<never>): Promise<void> {
  for (let tries = 1; ; tries++) {
    if (await boss.getQueue(def.name)) return;
    try {
      await boss.createQueue(def.name, {
        name: def.name,
        policy: def.policy ?? "standard",
        retryLimit: def.retry.limit,
        retryDelay: def.retry.delaySeconds ?? 2,
        retryBackoff: def.retry.backoff ?? true,
        ...(def.expireInSeconds ? { expireInSeconds: expiry(def.expireInSeconds) } : {}),
      });
      return;
    } catch (err) {
      // Another process created it first, or our create was the deadlock's victim: look again.
      if (await boss.getQueue(def.name)) return;
      if (tries >= 3) throw err;
    }
  }
}

export function ensureQueue(boss: PgBoss, def: JobDefinition<never>): Promise<void> {
  const known = ready.get(boss) ?? new Map<string, Promise<void>>();
  ready.set(boss, known);
  let pending = known.get(def.name);
  if (!pending) {
    pending = create(boss, def).catch((err: unknown) => {
      known.delete(def.name);
      throw err;
    });
    known.set(def.name, pending);
  }
  return pending;
}
