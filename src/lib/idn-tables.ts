/**
 * The IDN tables a TLD's registry publishes: which characters a label may hold, one table per script
 * or language, and a label must fit one table whole. The catalogue lists each TLD's table ids
 * (Product.idnTables), so the storefront refuses, before payment and in words, what the registry
 * would refuse. Ids match the registries we sell (the mock registry files the same tables).
 * Pure and client-safe.
 */
import { describeChar, type Label } from "./domain-name";

type IdnTable = { id: string; name: string; letters: RegExp };

// Digits and the hyphen are in every table; the CJK tables also take a–z (brand names mix them in).
function table(id: string, name: string, classes: string, asciiLetters = false): IdnTable {
  return { id, name, letters: new RegExp(`^[0-9\\-${asciiLetters ? "a-z" : ""}${classes}]$`, "u") };
}

const TABLES: IdnTable[] = [
  table("latin", "Latin", "\\p{scx=Latin}", true),
  table("greek", "Greek", "\\p{scx=Greek}"),
  table("cyrillic", "Cyrillic", "\\p{scx=Cyrillic}"),
  table("chinese", "Chinese", "\\p{scx=Han}\\p{scx=Bopomofo}", true),
  table("japanese", "Japanese", "\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}", true),
  table("korean", "Korean", "\\p{scx=Hangul}\\p{scx=Han}", true),
  table("arabic", "Arabic", "\\p{scx=Arabic}\\u200c"),
  table("hebrew", "Hebrew", "\\p{scx=Hebrew}"),
  table("devanagari", "Devanagari", "\\p{scx=Devanagari}\\u200c\\u200d"),
  table("thai", "Thai", "\\p{scx=Thai}"),
];

export const IDN_TABLE_IDS = TABLES.map((t) => t.id);

const list = (names: string[]) =>
  names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;

/**
 * Why the TLD's registry will refuse this label, in words, or null when one of its tables takes it.
 * ASCII labels (letters a–z, digits, hyphens) are outside IDN tables: every TLD takes them.
 */
export function idnTableProblem(label: Label, tld: string, tableIds: readonly string[]): string | null {
  if (!label.idn) return null;
  const tables = TABLES.filter((t) => tableIds.includes(t.id));
  const chars = Array.from(label.unicode);
  if (tables.some((t) => chars.every((c) => t.letters.test(c)))) return null;
  const shown = `“${label.unicode}”`;
  if (!tables.length)
    return `.${tld} takes names in plain letters a–z, digits and hyphens only, so ${shown} cannot be registered there.`;
  const stray = chars.find((c) => !tables.some((t) => t.letters.test(c)));
  const offered = list(tables.map((t) => t.name));
  if (stray)
    return `${shown} cannot be registered in .${tld}: ${describeChar(stray)} is not in its ${offered} ${tables.length > 1 ? "scripts" : "script"}.`;
  const used = [
    ...new Set(chars.flatMap((c) => (/[0-9-]/.test(c) ? [] : [tables.find((t) => t.letters.test(c))?.name ?? ""]))),
  ];
  return `${shown} mixes ${list(used)} letters; .${tld} takes a name written in one script, so letters that look alike cannot be mixed.`;
}
