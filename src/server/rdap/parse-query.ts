/**
 * An RDAP path (RFC 9082 section 3.1) as one of the lookups we answer. Input is bounded before any
 * parsing; names go through the platform's name rules label by label, so a U-label and its A-label
 * (in any letter case) are the same query, and nothing is tidied away (no "www." or scheme stripping
 * as the search box does).
 */
import { DomainNameError, parseLabel, RULE_TEXT } from "@/lib/domain-name";

export type RdapQuery =
  | { kind: "domain"; name: string }
  | { kind: "nameserver"; name: string }
  | { kind: "entity"; handle: string }
  | { kind: "help" }
  | { kind: "unsupported"; what: string }
  | { kind: "malformed"; reason: string };

/** Longer than any valid query (a 253-octet name, percent-encoded U-labels included). */
export const MAX_PATH_LENGTH = 1024;
const HANDLE = /^[A-Za-z0-9_.-]{1,100}$/;
// Lookups and searches RFC 9082 defines that a registrar does not serve.
const UNSUPPORTED = new Set(["ip", "autnum", "domains", "nameservers", "entities"]);

/** A name of two labels or more, as its A-label (lower case). */
export function parseQueryName(raw: string): { ok: true; name: string } | { ok: false; reason: string } {
  const trimmed = raw.endsWith(".") ? raw.slice(0, -1) : raw;
  const labels = trimmed.split(".");
  if (labels.length < 2) return { ok: false, reason: "A name needs at least two labels, like example.com." };
  try {
    const ascii = labels.map((l) => parseLabel(l).ascii).join(".");
    if (ascii.length > 253) return { ok: false, reason: RULE_TEXT.name_too_long };
    return { ok: true, name: ascii };
  } catch (e) {
    if (e instanceof DomainNameError) return { ok: false, reason: e.message };
    throw e;
  }
}

/** `path` is everything after the RDAP base URL, still percent-encoded, without a query string. */
export function parseRdapPath(path: string): RdapQuery {
  if (path.length > MAX_PATH_LENGTH) return { kind: "malformed", reason: "The query is too long." };
  const raw = path.replace(/^\/+/, "").split("/");
  let segments: string[];
  try {
    segments = raw.map((s) => decodeURIComponent(s));
  } catch {
    return { kind: "malformed", reason: "The query is not valid percent-encoding." };
  }
  const [type = "", value, ...rest] = segments;
  if (type === "help" && value === undefined) return { kind: "help" };
  if (UNSUPPORTED.has(type)) return { kind: "unsupported", what: type };
  if (value === undefined || value === "" || rest.length > 0)
    return { kind: "malformed", reason: "Ask for /domain/NAME, /nameserver/NAME, /entity/HANDLE or /help." };
  if (type === "domain" || type === "nameserver") {
    const parsed = parseQueryName(value);
    return parsed.ok ? { kind: type, name: parsed.name } : { kind: "malformed", reason: parsed.reason };
  }
  if (type === "entity") {
    return HANDLE.test(value)
      ? { kind: "entity", handle: value }
      : { kind: "malformed", reason: "Not a valid handle." };
  }
  return { kind: "malformed", reason: "Ask for /domain/NAME, /nameserver/NAME, /entity/HANDLE or /help." };
}
