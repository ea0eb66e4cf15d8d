/**
 * The frame ICANN's TMCH lists share: a version line `1,<creation datetime>`, a header line, then one
 * row per entry. Bounded, because the lists are fetched from outside and parsed in memory.
 */
export const MAX_LIST_BYTES = 64 * 1024 * 1024;

export class ListFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ListFormatError";
  }
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

export function parseDatetime(value: string, where: string): Date {
  if (!DATETIME.test(value)) throw new ListFormatError(`${where}: "${value.slice(0, 40)}" is not a UTC datetime.`);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new ListFormatError(`${where}: "${value}" is not a date.`);
  return date;
}

export interface ListFrame {
  createdAt: Date;
  rows: string[][];
}

export function readListFrame(csv: string, header: string, columns: number): ListFrame {
  if (Buffer.byteLength(csv, "utf8") > MAX_LIST_BYTES) throw new ListFormatError("The list is larger than allowed.");
  const lines = csv.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const [version, createdAt] = (lines[0] ?? "").split(",");
  if (version !== "1" || createdAt === undefined) throw new ListFormatError("Line 1 must be `1,<creation datetime>`.");
  if (lines[1] !== header) throw new ListFormatError(`Line 2 must be \`${header}\`.`);
  const rows = lines.slice(2).map((line, i) => {
    const cells = line.split(",");
    if (cells.length !== columns) throw new ListFormatError(`Line ${i + 3} must have ${columns} fields.`);
    return cells;
  });
  return { createdAt: parseDatetime(createdAt, "Line 1"), rows };
}
