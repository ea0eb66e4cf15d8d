/**
 * Advance widths (1/1000 em) of the standard Helvetica font for printable ASCII, from Adobe's AFM
 * metrics of the base-14 fonts. Enough to wrap lines so text stays inside the page; characters
 * outside ASCII use the width of a digit, which is close for Latin-1 letters.
 */
// Codes 32 (space) to 126 (~), in order.
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const OTHER = 556;
// Helvetica-Bold is wider; scaling the regular widths keeps wrapped bold lines inside the margin.
const BOLD_FACTOR = 1.1;

export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    units += c >= 32 && c <= 126 ? ASCII_WIDTHS[c - 32] : OTHER;
  }
  return (units * size * (bold ? BOLD_FACTOR : 1)) / 1000;
}
