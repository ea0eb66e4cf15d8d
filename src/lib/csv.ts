/**
 * The one CSV cell writer (RFC 4180 quoting plus the OWASP guard against formula injection): a cell
 * a spreadsheet would read as a formula (= + - @ tab CR first) gets a leading single quote. Plain
 * numbers such as "-12.50" stay numbers; they cannot carry a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\n\r']/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(values: readonly string[]): string {
  return `${values.map(csvCell).join(",")}\n`;
}
