/** The extensions a reseller sells: active domain products its price list prices for registration. */
import type { Tx } from "@/server/db";
import { priceKey, type PriceContext } from "@/server/pricing/load-price-context";

export type SellableTld = {
  productId: string;
  tld: string;
  name: string;
  operator: string;
  minPeriod: number;
  maxPeriod: number;
  dnssec: string;
  /** IDN table ids the registry takes U-labels in; empty: ASCII names only. */
  idnTables: string[];
};

// Popular extensions first; the rest alphabetically.
const ORDER = ["com", "net", "org", "io", "co", "app", "shop"];

function rank(tld: string): number {
  const i = ORDER.indexOf(tld);
  return i < 0 ? ORDER.length : i;
}

export async function listSellableTlds(tx: Tx, pc: PriceContext): Promise<SellableTld[]> {
  const products = await tx.product.findMany({ where: { kind: "domain", active: true } });
  return products
    .filter((p) => pc.wholesale.has(priceKey(p.id, "register")))
    .map((p) => ({
      productId: p.id,
      tld: p.code,
      name: p.name,
      operator: p.registryOperator ?? p.code,
      minPeriod: p.minPeriod,
      maxPeriod: p.maxPeriod,
      dnssec: p.dnssec,
      idnTables: p.idnTables,
    }))
    .sort((a, b) => rank(a.tld) - rank(b.tld) || a.tld.localeCompare(b.tld));
}
