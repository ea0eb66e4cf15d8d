/**
 * Pure helpers for intake: which names a report points at, and a category for a mailed report
 * (the form asks the reporter; mail gets a best guess that staff can read against the evidence).
 */
import { cleanInput, parseDomainName } from "@/lib/domain-name";
import type { AbuseCategory } from "@/generated/prisma/enums";

/** The A-label name in a typed name or URL, or null when it is not a domain name. */
export function reportedName(input: string): string | null {
  try {
    return parseDomainName(cleanInput(input)).ascii.toLowerCase();
  } catch {
    return null;
  }
}

/** The name and each parent with at least two labels: login.bank.example.com → …, example.com. */
export function candidateNames(ascii: string): string[] {
  const labels = ascii.split(".");
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join("."));
  return out;
}

// Letters of any script (IDNs as typed); \b is ASCII-only, so the edges are explicit look-arounds.
const URL_OR_NAME =
  /(?<![\p{L}\p{N}.-])(?:https?:\/\/)?((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:xn--[a-z0-9-]+|\p{L}{2,63}))(?![\p{L}\p{N}-])/giu;

/** Every distinct name mentioned in a text, in order of appearance (bounded). */
export function namesIn(text: string, limit = 20): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(URL_OR_NAME)) {
    const n = reportedName(m[1]);
    if (n && !seen.has(n)) seen.add(n);
    if (seen.size >= limit) break;
  }
  return [...seen];
}

// Order matters: the first category whose words appear wins (phishing pages often mention malware).
const WORDS: [AbuseCategory, RegExp][] = [
  ["phishing", /\b(phish\w*|credential\w*|fake login|spoof\w*|impersonat\w*)\b/i],
  ["pharming", /\b(pharming|dns hijack\w*|cache poison\w*|redirected)\b/i],
  ["botnet", /\b(botnet|c2|c&c|command and control|bot herder)\b/i],
  ["malware", /\b(malware|trojan|ransomware|virus|exploit kit|drive-by|payload)\b/i],
  ["spam", /\b(spam|unsolicited|bulk mail)\b/i],
];

/** A category from a mailed report's words; spam (abuse delivered by mail) when nothing else fits. */
export function classifyText(text: string): AbuseCategory {
  for (const [category, re] of WORDS) if (re.test(text)) return category;
  return "spam";
}

/** URLs given as evidence, one per line or separated by spaces, bounded in count and length. */
export function evidenceUrls(text: string, limit = 20): string[] {
  return [
    ...new Set(
      text
        .split(/\s+/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && s.length <= 2000),
    ),
  ].slice(0, limit);
}
