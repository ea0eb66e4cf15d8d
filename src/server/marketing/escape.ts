/**
 * The kit puts a reseller's own words (brand name, tagline) into SVG, HTML and Markdown that it then
 * publishes on other sites, so every such value passes one of these on the way in.
 */

const MARKUP: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or attribute value in XML (SVG) or HTML. */
export function escapeMarkup(value: string): string {
  return value.replaceAll(/[&<>"']/g, (c) => MARKUP[c]);
}

// CommonMark lets any ASCII punctuation be escaped with a backslash; these are the ones that start
// emphasis, links, headings, lists, tables or code.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~]/;

/**
 * Plain text inside Markdown: shown as written, never as a link, emphasis or raw HTML (renderers pass
 * `<script>` through, so the angle brackets and ampersand become entities). One line: line breaks
 * would start new blocks.
 */
export function markdownText(value: string): string {
  let out = "";
  for (const c of value.replaceAll(/\s+/g, " ").trim()) {
    if (c === "&") out += "&amp;";
    else if (c === "<") out += "&lt;";
    else if (c === ">") out += "&gt;";
    else if (MARKDOWN_PUNCTUATION.test(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}
