/**
 * A small PDF reader for tests of our own writer: it follows the trailer to the xref table, checks
 * every entry points at its "N 0 obj", counts the page objects and pulls the shown text out of the
 * content streams. Deliberately independent of src/lib/pdf so a shared mistake cannot hide.
 */
export type ReadPdf = {
  version: string;
  pageCount: number;
  declaredCount: number;
  badOffsets: number[];
  badLengths: number[];
  pageTexts: string[];
  text: string;
};

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

function unescapeLiteral(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\") {
      out += c;
      continue;
    }
    const n = s[++i];
    if (/[0-7]/.test(n)) {
      const oct = s.slice(i).match(/^[0-7]{1,3}/)![0];
      out += String.fromCharCode(parseInt(oct, 8));
      i += oct.length - 1;
    } else out += { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" }[n] ?? n;
  }
  return out;
}

/** Literal strings shown with Tj, in order; strings may hold escaped parentheses. */
function shownStrings(content: string): string[] {
  const found: string[] = [];
  const re = /\(((?:\\.|[^\\)])*)\)\s*Tj/g;
  for (const m of content.matchAll(re)) found.push(unescapeLiteral(m[1]));
  return found;
}

export function readPdf(bytes: Uint8Array): ReadPdf {
  const s = latin1(bytes);
  const version = /^%PDF-(\d\.\d)/.exec(s)?.[1] ?? "";
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(s)?.[1] ?? NaN);
  if (s.slice(start, start + 4) !== "xref") throw new Error(`startxref ${start} does not point at "xref"`);
  const head = /^xref\n0 (\d+)\n/.exec(s.slice(start));
  if (!head) throw new Error("xref subsection header missing");
  const size = Number(head[1]);
  const entriesAt = start + head[0].length;
  const badOffsets: number[] = [];
  const objectAt = new Map<number, number>();
  for (let i = 0; i < size; i++) {
    const entry = s.slice(entriesAt + 20 * i, entriesAt + 20 * (i + 1));
    const m = /^(\d{10}) (\d{5}) ([nf])( \n|\r\n)$/.exec(entry);
    if (!m) throw new Error(`xref entry ${i} is not 20 bytes of the right form: ${JSON.stringify(entry)}`);
    if (m[3] === "f") continue;
    const off = Number(m[1]);
    objectAt.set(i, off);
    if (!s.startsWith(`${i} 0 obj`, off)) badOffsets.push(i);
  }
  const body = (id: number) => {
    const off = objectAt.get(id) ?? -1;
    return s.slice(off, s.indexOf("endobj", off));
  };
  const root = /\/Root (\d+) 0 R/.exec(s.slice(start))?.[1];
  const pagesId = /\/Pages (\d+) 0 R/.exec(body(Number(root)))?.[1];
  const pagesBody = body(Number(pagesId));
  const declaredCount = Number(/\/Count (\d+)/.exec(pagesBody)?.[1] ?? NaN);
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(pagesBody)?.[1] ?? "").matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const badLengths: number[] = [];
  const pageTexts = kids.map((kid) => {
    const page = body(kid);
    if (!/\/Type \/Page\b/.test(page)) throw new Error(`object ${kid} is not a page`);
    const contentId = Number(/\/Contents (\d+) 0 R/.exec(page)?.[1]);
    const content = body(contentId);
    const length = Number(/\/Length (\d+)/.exec(content)?.[1]);
    const dataAt = content.indexOf("stream\n") + "stream\n".length;
    const data = content.slice(dataAt, dataAt + length);
    if (
      !content.slice(dataAt + length).startsWith("endstream") &&
      !content.slice(dataAt + length).startsWith("\nendstream")
    )
      badLengths.push(contentId);
    return shownStrings(data).join("\n");
  });
  return {
    version,
    pageCount: kids.length,
    declaredCount,
    badOffsets,
    badLengths,
    pageTexts,
    text: pageTexts.join("\n"),
  };
}
