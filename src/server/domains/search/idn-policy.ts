/**
 * The TLD's IDN tables, checked before asking its registry: a label in a script the registry does not
 * take is answered at once, in words, and never reaches checkout (decision 083).
 */
import type { Label } from "@/lib/domain-name";
import { idnTableProblem } from "@/lib/idn-tables";
import type { SellableTld } from "./sellable-tlds";
import type { SearchResult } from "./types";

export function idnRefusal(label: Label, tld: Pick<SellableTld, "tld" | "idnTables">): string | null {
  return idnTableProblem(label, tld.tld, tld.idnTables);
}

export function idnRefusedResult(label: Label, tld: SellableTld, reason: string): SearchResult {
  return {
    name: `${label.ascii}.${tld.tld}`,
    unicodeName: `${label.unicode}.${tld.tld}`,
    tld: tld.tld,
    availability: "unavailable",
    reason,
    premium: false,
    minPeriod: tld.minPeriod,
    maxPeriod: tld.maxPeriod,
  };
}
