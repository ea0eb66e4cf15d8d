/**
 * A small PDF 1.4 writer for text documents (reports): Helvetica and Helvetica-Bold (base fonts every
 * reader has, so nothing is embedded), WinAnsi encoding, A4 pages filled top to bottom with wrapped
 * lines and a page number at the foot. Strings are escaped per PDF 1.4 §3.2.3 (( ) \ and bytes
 * outside printable ASCII as octal); a character WinAnsi cannot show becomes "?". The file is built
 * as bytes so each xref entry is the exact byte offset of its object.
 */
import { textWidth } from "./helvetica-widths";

/** `indent` and `gapBefore` are in points (1/72 inch). */
export type PdfLine = { text: string; size?: number; bold?: boolean; gapBefore?: number; indent?: number };
export type PdfDocument = { title: string; lines: PdfLine[] };

const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN = 50;
const FOOTER_Y = 30;
const BODY_SIZE = 10;

// WinAnsi (cp1252) codes 128-159 that hold printable characters; 160-255 are the same as Latin-1.
const WIN_ANSI_EXTRA: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** The WinAnsi byte for one character: "?" for what the encoding lacks, a space for controls. */
export function winAnsiByte(ch: string): number {
  const c = ch.codePointAt(0) ?? 0x3f;
  if (c < 32 || c === 127) return 0x20;
  if (c < 127 || (c >= 0xa0 && c <= 0xff)) return c;
  return WIN_ANSI_EXTRA[c] ?? 0x3f;
}

/** A PDF literal string of `text` in WinAnsi, in printable ASCII only. */
export function pdfString(text: string): string {
  let out = "(";
  for (const ch of text.normalize("NFC")) {
    const b = winAnsiByte(ch);
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b >= 32 && b < 127) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, "0")}`;
  }
  return `${out})`;
}

/** Splits a line into pieces that fit `width`, at spaces where it can, mid-word when a word is too long. */
export function wrapText(text: string, size: number, bold: boolean, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    const next = line === "" ? word : `${line} ${word}`;
    if (textWidth(next, size, bold) <= width) {
      line = next;
      continue;
    }
    if (line !== "") out.push(line);
    line = "";
    let rest = word;
    while (textWidth(rest, size, bold) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(rest.slice(0, cut), size, bold) > width) cut--;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  out.push(line);
  return out;
}

type Placed = { text: string; size: number; bold: boolean; x: number; y: number };

function layout(lines: PdfLine[]): Placed[][] {
  const pages: Placed[][] = [[]];
  let y = PAGE_H - MARGIN;
  for (const l of lines) {
    const size = l.size ?? BODY_SIZE;
    const bold = l.bold ?? false;
    const leading = size * 1.4;
    const x = MARGIN + (l.indent ?? 0);
    y -= l.gapBefore ?? 0;
    for (const piece of wrapText(l.text, size, bold, PAGE_W - MARGIN - x)) {
      if (y - leading < FOOTER_Y + 20) {
        pages.push([]);
        y = PAGE_H - MARGIN;
      }
      y -= leading;
      pages[pages.length - 1].push({ text: piece, size, bold, x, y });
    }
  }
  return pages;
}

function contentOf(placed: Placed[], pageNo: number, pageCount: number): string {
  const ops = placed.map(
    (p) => `BT /${p.bold ? "F2" : "F1"} ${p.size} Tf 1 0 0 1 ${p.x} ${p.y.toFixed(2)} Tm ${pdfString(p.text)} Tj ET`,
  );
  ops.push(`BT /F1 8 Tf 1 0 0 1 ${MARGIN} ${FOOTER_Y} Tm ${pdfString(`Page ${pageNo} of ${pageCount}`)} Tj ET`);
  return `${ops.join("\n")}\n`;
}

const ascii = new TextEncoder();

export function writePdf(doc: PdfDocument): Uint8Array {
  const pages = layout(doc.lines);
  // Objects: 1 catalog, 2 page tree, 3 and 4 fonts, 5 info, then a page and its content per page.
  const pageIds = pages.map((_, i) => 6 + 2 * i);
  const objects: string[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    `<< /Title ${pdfString(doc.title)} /Producer (registrar-platform) >>`,
  ];
  pages.forEach((placed, i) => {
    const content = contentOf(placed, i + 1, pages.length);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`,
      // Every byte of the content is ASCII, so its string length is its byte length.
      `<< /Length ${content.length} >>\nstream\n${content}endstream`,
    );
  });

  // The binary comment after the header tells transfer tools the file is binary (PDF 1.4 §3.4.1).
  const chunks: Uint8Array[] = [ascii.encode("%PDF-1.4\n"), new Uint8Array([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])];
  let offset = chunks.reduce((n, c) => n + c.length, 0);
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const bytes = ascii.encode(`${i + 1} 0 obj\n${body}\nendobj\n`);
    chunks.push(bytes);
    offset += bytes.length;
  });
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, two-byte EOL.
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f \n" +
      offsets
        .map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)
        .join("")
        .slice(0, -1),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>`,
    "startxref",
    String(offset),
    "%%EOF\n",
  ].join("\n");
  chunks.push(ascii.encode(xref));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
