import { describe, expect, it } from "vitest";
import { brandColorProblems, contrastRatio, isHexColor, normalizeHexColor, readableOn } from "@/lib/colors";

const good = { primaryColor: "#1d4ed8", accentColor: "#f59e0b", backgroundColor: "#ffffff", textColor: "#111827" };

describe("brand colours", () => {
  it("accepts only six-digit hex colours", () => {
    expect(isHexColor("#1d4ED8")).toBe(true);
    for (const bad of ["1d4ed8", "#fff", "#1d4ed80", "red", "#gggggg", "#1d4ed8;background:url(x)", ""]) {
      expect(isHexColor(bad)).toBe(false);
    }
    expect(normalizeHexColor(" #ABCDEF ")).toBe("#abcdef");
    expect(normalizeHexColor("javascript:1")).toBeNull();
  });

  it("computes the WCAG contrast ratio of black on white as 21 and of a colour on itself as 1", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBeCloseTo(1, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("picks white text on dark colours and dark text on light ones", () => {
    expect(readableOn("#1d4ed8")).toBe("#ffffff");
    expect(readableOn("#fde68a")).toBe("#111827");
  });

  it("finds nothing wrong with a readable set", () => {
    expect(brandColorProblems(good)).toEqual({});
  });

  it("names the field of a malformed colour", () => {
    expect(brandColorProblems({ ...good, accentColor: "orange" })).toHaveProperty("accentColor");
  });

  it("refuses light grey text on white as unreadable", () => {
    const problems = brandColorProblems({ ...good, textColor: "#cccccc" });
    expect(problems.textColor).toMatch(/contrast is 1\.\d\d:1/);
  });

  it("refuses a primary colour that disappears into the background", () => {
    expect(brandColorProblems({ ...good, primaryColor: "#f8f8f8" }).primaryColor).toMatch(/at least 3:1/);
  });
});
