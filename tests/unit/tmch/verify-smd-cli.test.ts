import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TMCH_FIXTURES } from "./pilot-fixtures";

const ROOT = path.resolve(__dirname, "../../..");
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/tmch-verify-smd.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const lines = r.stdout.trim().split("\n");
  return { status: r.status, lines, json: JSON.parse(lines[lines.length - 1] || "null") as Record<string, unknown> };
};
const file = (name: string) => path.join(TMCH_FIXTURES, name);

describe("npm run tmch:verify-smd", () => {
  it("prints one JSON line for a valid SMD and exits 0", () => {
    const r = run(file("active.smd"), "--at", "2023-01-15T23:15:37Z");
    expect(r.status).toBe(0);
    expect(r.lines).toHaveLength(1);
    expect(r.json).toMatchObject({
      valid: true,
      reason: "ok",
      smdId: "000000851669081693741-65535",
      notBefore: "2022-11-22T01:48:13.741Z",
      notAfter: "2027-10-18T14:57:36.681Z",
    });
    expect(r.json.labels).toContain("test-and-validate");
    expect(r.json.marks).toEqual([expect.objectContaining({ name: "Test & Validate", type: "court" })]);
  }, 120_000);

  it("refuses with the reason, exit 1: on the SMDRL, a stale CRL at today's date, a CRL the CA did not sign", () => {
    const revoked = run(file("revoked.smd"), "--smdrl", file("smdrl.csv"), "--at", "2023-01-15T23:15:37Z");
    expect([revoked.status, revoked.json.reason]).toEqual([1, "smd-revoked"]);
    expect(run(file("active.smd")).json.reason).toBe("crl-expired");
    const wrongCa = run(file("active.smd"), "--ca", file("icann-tmch.crt"), "--at", "2023-01-15T23:15:37Z");
    expect(wrongCa.json).toMatchObject({ valid: false, reason: "crl-untrusted" });
  }, 120_000);
});
