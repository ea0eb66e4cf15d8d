/**
 * What the stand-in sells, as resellers' SSL APIs list it: a validation level and a coverage
 * (one name, a wildcard, or several names with some included and a ceiling). EV has no wildcard
 * (EV Guidelines 9.8.1). A wildcard covers its base name for free, as commercial CAs do.
 */
export type Level = "dv" | "ov" | "ev";
export type Coverage = "single" | "wildcard" | "multi";

export type Product = { code: string; level: Level; coverage: Coverage; includedNames: number; maxNames: number };

export const PRODUCTS: Product[] = [
  { code: "dv-single", level: "dv", coverage: "single", includedNames: 1, maxNames: 2 },
  { code: "dv-wildcard", level: "dv", coverage: "wildcard", includedNames: 2, maxNames: 2 },
  { code: "dv-multi", level: "dv", coverage: "multi", includedNames: 3, maxNames: 250 },
  { code: "ov-single", level: "ov", coverage: "single", includedNames: 1, maxNames: 2 },
  { code: "ov-wildcard", level: "ov", coverage: "wildcard", includedNames: 2, maxNames: 2 },
  { code: "ov-multi", level: "ov", coverage: "multi", includedNames: 3, maxNames: 250 },
  { code: "ev-single", level: "ev", coverage: "single", includedNames: 1, maxNames: 2 },
  { code: "ev-multi", level: "ev", coverage: "multi", includedNames: 3, maxNames: 250 },
];

/** "www.example.com" and "example.com" together count as one name, as on every reseller's price list. */
function distinctBases(names: string[]): Set<string> {
  return new Set(names.map((n) => n.replace(/^\*\./, "").replace(/^www\./, "")));
}

/** The product an order for these names needs, or why none fits. */
export function productFor(level: Level, names: string[], code?: string): Product | string {
  const wildcards = names.filter((n) => n.startsWith("*.")).length;
  const bases = distinctBases(names).size;
  const coverage: Coverage = wildcards > 0 && bases === 1 ? "wildcard" : bases > 1 ? "multi" : "single";
  if (wildcards > 0 && coverage === "multi") {
    if (level === "ev") return "EV certificates cannot include wildcard names.";
  }
  if (coverage === "wildcard" && level === "ev") return "EV certificates cannot include wildcard names.";
  const product = code
    ? PRODUCTS.find((p) => p.code === code)
    : PRODUCTS.find((p) => p.level === level && p.coverage === coverage);
  if (!product) return `No ${level.toUpperCase()} product covers ${coverage} names.`;
  if (product.level !== level)
    return `Product ${product.code} is ${product.level.toUpperCase()}, not ${level.toUpperCase()}.`;
  if (names.length > product.maxNames) return `Product ${product.code} holds at most ${product.maxNames} names.`;
  if (product.coverage === "single" && (wildcards > 0 || bases > 1)) return `Product ${product.code} covers one name.`;
  if (product.coverage === "wildcard" && bases > 1)
    return `Product ${product.code} covers one wildcard and its base name.`;
  return product;
}
