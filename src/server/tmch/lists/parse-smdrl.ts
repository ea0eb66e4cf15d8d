/** ICANN's SMD revocation list: which SMD ids the TMCH has revoked, and since when. */
import { ListFormatError, parseDatetime, readListFrame } from "./list-csv";

export interface SmdrlEntry {
  smdId: string;
  revokedAt: Date;
}

export interface Smdrl {
  createdAt: Date;
  rows: SmdrlEntry[];
}

/** `<digits>-<issuer id>`, as RFC 7848 and the TMCH issue them. */
const SMD_ID = /^\d{1,40}-\d{1,10}$/;

export function parseSmdrl(csv: string): Smdrl {
  const frame = readListFrame(csv, "smd-id,insertion-datetime", 2);
  const rows = frame.rows.map(([smdId, at], i) => {
    if (!SMD_ID.test(smdId)) throw new ListFormatError(`Line ${i + 3}: "${smdId.slice(0, 40)}" is not an SMD id.`);
    return { smdId, revokedAt: parseDatetime(at, `Line ${i + 3}`) };
  });
  return { createdAt: frame.createdAt, rows };
}
