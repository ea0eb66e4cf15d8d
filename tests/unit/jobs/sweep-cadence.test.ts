import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type PgBoss from "pg-boss";
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";

const job = (name: string, cron?: string) =>
  defineJob({ name, payload: z.object({}), retry: { limit: 0 }, cron, handler: async () => {} });
const defs = [job("mail.deliver", "* * * * *"), job("nightly.purge", "41 3 * * *"), job("item.fulfil")];

/** The module with SWEEP_EVERY_SECONDS as given: env() is read once per module load. */
async function withSetting(seconds: string | undefined) {
  vi.resetModules();
  if (seconds === undefined) delete process.env.SWEEP_EVERY_SECONDS;
  else process.env.SWEEP_EVERY_SECONDS = seconds;
  return import("@/server/jobs/sweep-cadence");
}

function fakeBoss(waiting: Record<string, number> = {}) {
  const sent: { name: string; options: unknown }[] = [];
  const boss = {
    getQueueSize: async (name: string) => waiting[name] ?? 0,
    send: async (name: string, _data: object, options: unknown) => {
      sent.push({ name, options });
      return "id";
    },
  } as unknown as PgBoss;
  return { boss, sent };
}

describe("the sweep cadence", () => {
  const before = process.env.SWEEP_EVERY_SECONDS;
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    if (before === undefined) delete process.env.SWEEP_EVERY_SECONDS;
    else process.env.SWEEP_EVERY_SECONDS = before;
  });

  it("runs the every-minute sweeps every few seconds when asked, and no other job", async () => {
    const { startSweepCadence, sweepIntervalMs } = await withSetting("3");
    const { boss, sent } = fakeBoss();
    const stop = startSweepCadence(boss, defs);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(sent.map((s) => s.name)).toEqual(["mail.deliver", "mail.deliver", "mail.deliver"]);
    // One pass per three-second slot, however many workers run the same timer.
    expect(sent[0].options).toMatchObject({ singletonSeconds: 3 });
    expect(sweepIntervalMs()).toBe(3_000);
    stop();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(sent).toHaveLength(3);
  });

  it("adds no pass while one is still waiting, so a slow sweep gathers no queue", async () => {
    const { startSweepCadence } = await withSetting("3");
    const { boss, sent } = fakeBoss({ "mail.deliver": 1 });
    const stop = startSweepCadence(boss, defs);
    await vi.advanceTimersByTimeAsync(30_000);
    stop();
    expect(sent).toEqual([]);
  });

  it("leaves the sweeps to their cron minute when the setting is absent", async () => {
    const { startSweepCadence, sweepIntervalMs } = await withSetting(undefined);
    const { boss, sent } = fakeBoss();
    const stop = startSweepCadence(boss, defs);
    await vi.advanceTimersByTimeAsync(120_000);
    stop();
    expect(sent).toEqual([]);
    expect(sweepIntervalMs()).toBe(60_000);
  });
});
