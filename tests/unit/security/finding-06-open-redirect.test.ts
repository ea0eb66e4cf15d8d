import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/safe-next-path";

// Each of these lands on another origin in at least one browser, or after one proxy decoding.
const HOSTILE = [
  "/\t/evil.com",
  "/\n/evil.com",
  "/\r/evil.com",
  "/ /evil.com",
  "/\\evil.com",
  "/\\/evil.com",
  "\\\\evil.com",
  "//evil.com",
  "///evil.com",
  "/%2F/evil.com",
  "/%2f%2fevil.com",
  "/%5Cevil.com",
  "/%09/evil.com",
  "/%252F/evil.com",
  "https://evil.com",
  "javascript:alert(1)",
  "evil.com",
  "/\u0000/evil.com",
  "/\u200b/evil.com",
  "/%",
];

describe("security finding 06: open redirect after sign-in", () => {
  it.each(HOSTILE)("refuses %j as a return path", (next) => {
    expect(safeNextPath(next)).toBeNull();
  });

  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeNextPath("/orders/7f1c/receipt")).toBe("/orders/7f1c/receipt");
    expect(safeNextPath("/account/domains?page=2#top")).toBe("/account/domains?page=2#top");
  });

  it("returns the normalised path, so dot segments cannot climb out of a required prefix", () => {
    expect(safeNextPath("/console/../registrar")).toBe("/registrar");
    expect(safeNextPath("/console/../registrar", { under: "/console" })).toBeNull();
    expect(safeNextPath("/consoles", { under: "/console" })).toBeNull();
    expect(safeNextPath("/console/domains", { under: "/console" })).toBe("/console/domains");
  });

  it("refuses nothing-at-all and absurdly long values", () => {
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath("")).toBeNull();
    expect(safeNextPath(`/${"a".repeat(5000)}`)).toBeNull();
  });
});
