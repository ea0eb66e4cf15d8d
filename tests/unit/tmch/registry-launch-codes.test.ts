/** The mock registry's launch gate: where an SMD is allowed at all (standards.md 1.9). */
import { describe, expect, it } from "vitest";
import { DEFAULT_TLDS } from "@/mock-registry";
import { gateCreate } from "@/mock-registry/commands/launch-gate";
import { RegistryError } from "@/mock-registry/model/result-codes";
import { fixture } from "./pilot-fixtures";

const vista = DEFAULT_TLDS.find((t) => t.tld === "vista");
const now = Date.parse("2026-06-01T00:00:00Z");

function codeOf(fn: () => unknown): [number, string] | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof RegistryError ? [e.code, e.message] : [-1, String(e)];
  }
}

describe("signed marks outside sunrise", () => {
  it("answers 2002 to an SMD in the claims phase, before looking at the SMD", () => {
    if (!vista) throw new Error("the default TLDs have .vista");
    const smd = fixture("active.smd");
    const launch = { phase: { phase: "claims" as const }, encodedSignedMarks: [smd], notices: [] };
    expect(codeOf(() => gateCreate(vista, "test-validate", { phase: "claims", start: 0 }, launch, now))).toEqual([
      2002,
      "Signed marks are only allowed during sunrise.",
    ]);
  });
});
