/**
 * The deposit's CSV layout: the registrar data escrow columns as DENIC and NCC take them (standards.md
 * 4.6), every field quoted, CRLF-free rows ending in "\n". Columns the layout lacks but the RAA asks
 * for are appended after the specified ones, so an agent reading by position still finds the layout
 * where it expects it: `ns-more` (name servers past the fourth, space-separated) and `reseller` on the
 * domain file, `organization` on the handle file.
 */

export const DOMAIN_COLUMNS = [
  "domain",
  "ns1",
  "ns2",
  "ns3",
  "ns4",
  "expiration_date",
  "rt-handle",
  "tc-handle",
  "ac-handle",
  "bc-handle",
  "prt-handle",
  "ptc-handle",
  "pac-handle",
  "pbc-handle",
  "ns-more",
  "reseller",
] as const;

export const HANDLE_COLUMNS = [
  "handle",
  "name",
  "address",
  "state",
  "zip",
  "city",
  "country",
  "email",
  "phone",
  "fax",
  "organization",
] as const;

export type DomainRow = Record<(typeof DOMAIN_COLUMNS)[number], string>;
export type HandleRow = Record<(typeof HANDLE_COLUMNS)[number], string>;

function quote(value: string): string {
  // Line breaks inside a field would make row counting by line wrong for the agent: fold them to spaces.
  return `"${value.replace(/[\r\n]+/g, " ").replace(/"/g, '""')}"`;
}

export function toCsv<C extends string>(columns: readonly C[], rows: Record<C, string>[]): string {
  const lines = [columns.map(quote).join(",")];
  for (const row of rows) lines.push(columns.map((c) => quote(row[c])).join(","));
  return lines.join("\n") + "\n";
}

export class CsvError extends Error {}

/** Parses one line of quoted fields (the layout has no line breaks inside fields). */
function parseLine(line: string, lineNo: number): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      i += 1;
      for (;;) {
        if (i >= line.length) throw new CsvError(`line ${lineNo}: unterminated quoted field`);
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += line[i];
        i += 1;
      }
      fields.push(value);
    } else {
      const end = line.indexOf(",", i);
      fields.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length : end;
    }
    if (i >= line.length) break;
    if (line[i] !== ",") throw new CsvError(`line ${lineNo}: expected a comma after a quoted field`);
    i += 1;
    if (i === line.length) fields.push("");
  }
  return fields;
}

/** Reads a deposit CSV: the header must be exactly `columns`; every row must have as many fields. */
export function parseCsv<C extends string>(columns: readonly C[], text: string): Record<C, string>[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  if (!lines.length) throw new CsvError("empty file: no header");
  const header = parseLine(lines[0], 1);
  if (header.join("\u0000") !== columns.join("\u0000"))
    throw new CsvError(`unexpected header: ${header.join(",")} (expected ${columns.join(",")})`);
  return lines.slice(1).map((line, idx) => {
    const fields = parseLine(line, idx + 2);
    if (fields.length !== columns.length)
      throw new CsvError(`line ${idx + 2}: ${fields.length} fields, expected ${columns.length}`);
    return Object.fromEntries(columns.map((c, k) => [c, fields[k]])) as Record<C, string>;
  });
}
