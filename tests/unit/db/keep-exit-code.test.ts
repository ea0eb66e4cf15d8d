import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

function exitOf(script: string): number | null {
  const r = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: root, encoding: "utf8" });
  return r.status;
}

// Each case starts a Node process with tsx: seconds on a busy machine, not the default 5.
describe("a process that loads the embedded PostgreSQL module", { timeout: 60_000 }, () => {
  it("keeps the exit code it set (a failed test run must not exit 0)", () => {
    expect(exitOf('import("./scripts/db/embedded.ts").then(() => { process.exitCode = 3; });')).toBe(3);
  });

  it("still exits 0 when nothing failed", () => {
    expect(exitOf('import("./scripts/db/embedded.ts").then(() => {});')).toBe(0);
  });
});
