/**
 * The IDN tables this simulated registry publishes (as real registries file theirs with IANA): which
 * code points a label may hold, one table per script or language. A label must fit one table whole,
 * so "pаypal" (a Cyrillic а among Latin letters) fits none. Digits and the hyphen are in every table;
 * the CJK tables also take a–z, because brand names there mix them with kana and ideographs.
 */
export interface IdnTable {
  id: string;
  /** As a registrant reads it: "Latin", "Japanese". */
  name: string;
  letters: RegExp;
}

const ASCII_LETTERS = "a-z";

function table(id: string, name: string, classes: string, withAsciiLetters = false): IdnTable {
  const ascii = withAsciiLetters ? ASCII_LETTERS : "";
  return { id, name, letters: new RegExp(`^[0-9\\-${ascii}${classes}]$`, "u") };
}

export const IDN_TABLES: Record<string, IdnTable> = Object.fromEntries(
  [
    table("latin", "Latin", "\\p{Script_Extensions=Latin}", true),
    table("greek", "Greek", "\\p{Script_Extensions=Greek}"),
    table("cyrillic", "Cyrillic", "\\p{Script_Extensions=Cyrillic}"),
    table("chinese", "Chinese", "\\p{Script_Extensions=Han}\\p{Script_Extensions=Bopomofo}", true),
    table(
      "japanese",
      "Japanese",
      "\\p{Script_Extensions=Han}\\p{Script_Extensions=Hiragana}\\p{Script_Extensions=Katakana}",
      true,
    ),
    table("korean", "Korean", "\\p{Script_Extensions=Hangul}\\p{Script_Extensions=Han}", true),
    table("arabic", "Arabic", "\\p{Script_Extensions=Arabic}\\u200c"),
    table("hebrew", "Hebrew", "\\p{Script_Extensions=Hebrew}"),
    table("devanagari", "Devanagari", "\\p{Script_Extensions=Devanagari}\\u200c\\u200d"),
    table("thai", "Thai", "\\p{Script_Extensions=Thai}"),
  ].map((t) => [t.id, t]),
);

/** A .com-like registry: the scripts its registrants write in. */
export const MANY_SCRIPTS = [
  "latin",
  "greek",
  "cyrillic",
  "chinese",
  "japanese",
  "korean",
  "arabic",
  "hebrew",
  "devanagari",
  "thai",
];

/**
 * Why a U-label fits none of the TLD's tables, or null when one table takes it whole. The first
 * character no table holds is named; otherwise the label mixes tables.
 */
export function idnTableRefusal(unicode: string, tld: string, tableIds: string[]): string | null {
  const tables = tableIds.flatMap((id) => (IDN_TABLES[id] ? [IDN_TABLES[id]] : []));
  const chars = Array.from(unicode);
  if (tables.some((t) => chars.every((c) => t.letters.test(c)))) return null;
  if (!tables.length) return `Domain label is not allowed by IDN table: .${tld} takes ASCII names only.`;
  const offered = tables.map((t) => t.name).join(", ");
  const stray = chars.find((c) => !tables.some((t) => t.letters.test(c)));
  if (stray) {
    const code = `U+${(stray.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`;
    return `Domain label is not allowed by IDN table: "${stray}" (${code}) is in no .${tld} IDN table (tables: ${offered}).`;
  }
  return `Domain label is not allowed by IDN table: it mixes scripts, and each label must fit one .${tld} IDN table (tables: ${offered}).`;
}
