/** ICANN's Domain Name Label list: the labels under a claim, each with the lookup key of its notice. */
import { ListFormatError, parseDatetime, readListFrame } from "./list-csv";

export interface DnlEntry {
  label: string;
  lookupKey: string;
  insertedAt: Date;
}

export interface Dnl {
  createdAt: Date;
  rows: DnlEntry[];
}

/** An A-label or LDH label: what the TMCH lists. */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** `YYYYMMDDHH/h/h/h/<random>` (standards.md 2.1). */
const LOOKUP_KEY = /^\d{10}\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]\/[A-Za-z0-9]{1,64}$/;

export function parseDnl(csv: string): Dnl {
  const frame = readListFrame(csv, "DNL,lookup-key,insertion-datetime", 3);
  const rows = frame.rows.map(([label, lookupKey, at], i) => {
    if (!LABEL.test(label)) throw new ListFormatError(`Line ${i + 3}: "${label.slice(0, 70)}" is not a label.`);
    if (!LOOKUP_KEY.test(lookupKey))
      throw new ListFormatError(`Line ${i + 3}: "${lookupKey.slice(0, 80)}" is not a lookup key.`);
    return { label, lookupKey, insertedAt: parseDatetime(at, `Line ${i + 3}`) };
  });
  return { createdAt: frame.createdAt, rows };
}
