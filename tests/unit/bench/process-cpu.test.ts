import { describe, expect, it } from "vitest";
import { statCpuMs } from "../../../bench/_process-cpu";

// A real line's shape (proc(5)): pid, (comm), state, then numbered fields; utime and stime are 14 and 15.
const line = (comm: string, utime: number, stime: number) =>
  `4242 (${comm}) S 1 4242 4242 0 -1 4194560 1200 0 0 0 ${utime} ${stime} 0 0 20 0 11 0 5120 1000 300`;

describe("the storefront bench's CPU reading", () => {
  it("adds user and system time, in milliseconds at 100 ticks a second", () => {
    expect(statCpuMs(line("next-server", 250, 40))).toBe(2_900);
  });

  it("reads the right fields when the process title holds spaces and parentheses", () => {
    expect(statCpuMs(line("next-server (v16.4.6)", 7, 3))).toBe(100);
  });

  it("gives no figure for a line it cannot read", () => {
    expect(statCpuMs("garbage")).toBeNull();
  });
});
