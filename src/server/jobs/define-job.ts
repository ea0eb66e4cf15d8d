/**
 * A job is a definition: its queue name, the zod schema of its payload, its handler and its retry
 * policy, declared next to the code it runs and listed once in src/server/all-jobs.ts. Enqueueing
 * takes the definition, so a wrong payload fails the type check, and the parse fails fast at both ends.
 */
import type { z } from "zod";

export type RetryPolicy = {
  /** Runs after the first that the queue makes when the handler throws. */
  limit: number;
  /** Seconds before the first retry; doubled each time (with jitter) when `backoff` is on. */
  delaySeconds?: number;
  backoff?: boolean;
};

export type JobDefinition<P = unknown> = {
  name: string;
  payload: z.ZodType<P>;
  retry: RetryPolicy;
  /** Cron expression (UTC) for scheduled sweeps. */
  cron?: string;
  /** A job running longer than this counts as abandoned (its worker died) and is retried. */
  expireInSeconds?: number | (() => number);
  /**
   * "short": at most one waiting job per `singletonKey` (a second send while one waits is dropped;
   * running jobs do not block, so a dead worker's job cannot hold the key). Fixed when the queue is
   * created: a new policy needs a new queue name.
   */
  policy?: "standard" | "short";
  singletonKey?(data: P): string;
  /** Jobs of this queue one worker process runs at once (default 1). */
  concurrency?: number;
  // A method, not a property, so a list of definitions with different payloads type-checks.
  handler(data: P): Promise<void>;
};

export function defineJob<S extends z.ZodType>(
  def: Omit<JobDefinition<z.infer<S>>, "payload"> & { payload: S },
): JobDefinition<z.infer<S>> {
  return def as JobDefinition<z.infer<S>>;
}
