/**
 * File names of a deposit, as the DENIC/NCC registrar layout names them (standards.md 4.6):
 * `<IANA ID>_RDE_<YYYY-MM-DD>_<full|inc|hdl>_<seq>.csv.gpg`, and `<IANA ID>_RDE_<YYYY-MM-DD>_hash.txt`
 * for the manifest. A day holds one deposit (full or incremental), so names never collide.
 */
export type DepositType = "full" | "incremental";

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function depositPrefix(ianaId: number, day: string): string {
  return `${ianaId}_RDE_${day}_`;
}

export function depositFileNames(ianaId: number, day: string, type: DepositType, seq = 1) {
  const prefix = depositPrefix(ianaId, day);
  return {
    domains: `${prefix}${type === "full" ? "full" : "inc"}_${seq}.csv`,
    handles: `${prefix}hdl_${seq}.csv`,
    manifest: `${prefix}hash.txt`,
  };
}

const DEPOSIT_FILE = /^(\d+)_RDE_(\d{4}-\d{2}-\d{2})_(?:(?:full|inc|hdl)_\d+\.csv\.gpg|hash\.txt)$/;

/** The manifest's name for any file of a deposit, or null when the name is not a deposit's. */
export function manifestNameFor(fileName: string): string | null {
  const m = DEPOSIT_FILE.exec(fileName);
  return m ? `${m[1]}_RDE_${m[2]}_hash.txt` : null;
}
