import { describe, expect, it } from "vitest";
import { pdfString, winAnsiByte, writePdf } from "@/lib/pdf/write-pdf";
import { readPdf } from "../../support/read-pdf";

describe("the PDF writer", () => {
  it("writes a PDF 1.4 whose xref offsets each point at their object and whose text reads back", () => {
    const pdf = readPdf(
      writePdf({
        title: "Compliance report (Acme)",
        lines: [
          { text: "Compliance report", size: 16, bold: true },
          { text: "Reseller: Acme (Europe) \\ Ltd", gapBefore: 6 },
          { text: "Abuse reports per 10,000 names: 12.5" },
        ],
      }),
    );
    expect(pdf.version).toBe("1.4");
    expect(pdf.badOffsets).toEqual([]);
    expect(pdf.badLengths).toEqual([]);
    expect(pdf.pageCount).toBe(1);
    expect(pdf.declaredCount).toBe(1);
    expect(pdf.text).toContain("Reseller: Acme (Europe) \\ Ltd");
    expect(pdf.text).toContain("Abuse reports per 10,000 names: 12.5");
    expect(pdf.text).toContain("Page 1 of 1");
  });

  it("flows onto as many pages as the lines need and numbers them", () => {
    const lines = Array.from({ length: 130 }, (_, i) => ({ text: `Finding line ${i + 1}` }));
    const pdf = readPdf(writePdf({ title: "Long", lines }));
    expect(pdf.badOffsets).toEqual([]);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
    expect(pdf.declaredCount).toBe(pdf.pageCount);
    expect(pdf.pageTexts[0]).toContain("Finding line 1\n");
    expect(pdf.pageTexts.at(-1)).toContain("Finding line 130");
    expect(pdf.pageTexts.at(-1)).toContain(`Page ${pdf.pageCount} of ${pdf.pageCount}`);
    // Every line lands once, in order, across the pages.
    const shown = pdf.text.split("\n").filter((t) => t.startsWith("Finding line "));
    expect(shown).toEqual(lines.map((l) => l.text));
  });

  it("wraps a line wider than the page instead of running off it", () => {
    const long = `${"word ".repeat(60)}end`;
    const pdf = readPdf(writePdf({ title: "Wrap", lines: [{ text: long }] }));
    const pieces = pdf.text.split("\n").filter((t) => t.startsWith("word") || t.endsWith("end"));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join(" ")).toBe(long);
  });

  it("writes Latin-1 and WinAnsi characters as their bytes and replaces the rest", () => {
    expect(pdfString("a(b)c\\")).toBe("(a\\(b\\)c\\\\)");
    expect(pdfString("Café – 5 €")).toBe("(Caf\\351 \\226 5 \\200)");
    expect(winAnsiByte("日")).toBe(0x3f);
    expect(winAnsiByte("\u{1F600}")).toBe(0x3f);
    const pdf = readPdf(writePdf({ title: "Müller", lines: [{ text: "Müller GmbH, 東京 Ltd" }] }));
    expect(pdf.text).toContain("M\u00fcller GmbH, ?? Ltd");
  });

  it("keeps every byte after the header's marker in ASCII, so offsets are byte offsets", () => {
    const bytes = writePdf({ title: "Ünïcode", lines: [{ text: "Ünïcode ✓" }] });
    const afterHeader = bytes.slice(15);
    expect([...afterHeader].every((b) => b < 128)).toBe(true);
  });

  it("is checked by a reader that notices an xref entry pointing off its object", () => {
    const bytes = writePdf({ title: "T", lines: [{ text: "x" }] });
    const text = Buffer.from(bytes).toString("latin1");
    // Shift object 3's recorded offset by one byte: the reader must report it.
    const xrefAt = text.indexOf("\nxref\n") + 1;
    const entry3 = xrefAt + "xref\n0 8\n".length + 3 * 20;
    const shifted = String(Number(text.slice(entry3, entry3 + 10)) + 1).padStart(10, "0");
    const broken = text.slice(0, entry3) + shifted + text.slice(entry3 + 10);
    expect(readPdf(Buffer.from(broken, "latin1")).badOffsets).toEqual([3]);
  });
});
