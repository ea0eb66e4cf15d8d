import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** Times one step under the given environment and returns what the bench would print. */
async function timedWith(value: string | undefined) {
  vi.resetModules();
  vi.stubEnv("FULFILMENT_STEP_TIMES", value);
  const { timeStep, takeStepTimes } = await import("@/server/fulfilment/step-times");
  await timeStep("load", async () => "done");
  return takeStepTimes(1);
}

describe("the engine's step times setting", () => {
  it("adds up step times only when FULFILMENT_STEP_TIMES turns them on", async () => {
    expect(await timedWith(undefined)).toEqual({});
    expect(Object.keys(await timedWith("1"))).toEqual(["load"]);
  });

  it("is parsed with the other settings, so a wrong value stops the process naming it", async () => {
    const { parseEnv } = await import("@/env");
    expect(parseEnv({ FULFILMENT_STEP_TIMES: "true" }).FULFILMENT_STEP_TIMES).toBe(true);
    expect(() => parseEnv({ FULFILMENT_STEP_TIMES: "yes" })).toThrow(/FULFILMENT_STEP_TIMES/);
  });
});
