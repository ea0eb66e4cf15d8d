/**
 * Domain and host name rules (RFC 1035 LDH, IDNA2008 A-labels, per-TLD IDN tables and length policy).
 * Codes as real registries answer: broken syntax is 2005 (the name cannot be a name at all); a
 * well-formed name the TLD's policy or IDN tables refuse is 2306.
 */
import { toASCII, toUnicode } from "tr46";
import { idnTableRefusal } from "../config/idn-tables";
import type { TldPolicy } from "../config/tld-policy";
import { fail } from "../model/result-codes";

export interface ParsedDomain {
  name: string;
  label: string;
  tld: string;
  policy: TldPolicy;
}

const LDH = /^[a-z0-9-]+$/;
// What a registry's IDNA2008 library checks an A-label with (UTS #46 non-transitional, all checks on).
const STRICT = {
  checkHyphens: true,
  checkBidi: true,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  verifyDNSLength: true,
  transitionalProcessing: false,
} as const;

/** The U-label of a valid A-label, or null: it must decode, and encode back to exactly itself. */
function uLabelOf(aLabel: string): string | null {
  const decoded = toUnicode(aLabel, STRICT);
  if (decoded.error || !/[^\u0000-\u007f]/u.test(decoded.domain)) return null;
  return toASCII(decoded.domain, STRICT) === aLabel ? decoded.domain : null;
}

/** Syntax of one label; the messages are the ones a Nomulus registry answers with. */
function checkLabelSyntax(label: string): string {
  if (label.length === 0) fail(2005, "No part of a domain name can be empty.");
  if (!LDH.test(label)) fail(2005, "Domain names can only contain a-z, 0-9, '.' and '-'.");
  if (label.length > 63) fail(2005, "Domain labels cannot be longer than 63 characters.");
  if (label.startsWith("-")) fail(2005, "Domain labels cannot begin with a dash.");
  if (label.endsWith("-")) fail(2005, "Domain labels cannot end with a dash.");
  if (label.startsWith("xn--")) {
    const unicode = uLabelOf(label);
    if (unicode === null) fail(2005, "Domain name starts with xn-- but is not a valid IDN.");
    return unicode;
  }
  if (label.slice(2, 4) === "--")
    fail(2005, "Non-IDN domain names cannot contain hyphens in the third or fourth position.");
  return label;
}

export function parseDomainName(raw: string, tlds: ReadonlyMap<string, TldPolicy>): ParsedDomain {
  const name = raw.trim();
  // Registries compare names as sent; a registrar must send the canonical (lower-case) form.
  if (name !== name.toLowerCase()) fail(2005, "Domain names must be in lower-case.");
  const parts = name.split(".");
  if (parts.some((p) => p.length === 0)) fail(2005, "No part of a domain name can be empty.");
  const tld = parts[parts.length - 1];
  const policy = tlds.get(tld);
  if (!policy) fail(2004, "Domain name is under tld which doesn't exist.");
  if (parts.length !== 2) fail(2005, "Domain name must have exactly one part above the TLD.");
  const label = parts[0];
  const unicode = checkLabelSyntax(label);
  if (unicode !== label) {
    const refusal = idnTableRefusal(unicode, tld, policy.idnTables);
    if (refusal) fail(2306, refusal);
  }
  const length = [...unicode].length;
  if (length < policy.minLength)
    fail(2306, `Domain labels in .${tld} must be at least ${policy.minLength} characters.`);
  if (length > policy.maxLength)
    fail(2306, `Domain labels in .${tld} cannot be longer than ${policy.maxLength} characters.`);
  return { name, label, tld, policy };
}

export function normalizeHostName(raw: string): string {
  if (raw !== raw.toLowerCase()) fail(2005, "Host names must be in lower-case.");
  if (raw.length > 253) fail(2004, "Host names are limited to 253 characters.");
  const parts = raw.split(".");
  if (
    parts.length < 2 ||
    parts.some((p) => p.length === 0 || p.length > 63 || !LDH.test(p) || p.startsWith("-") || p.endsWith("-"))
  ) {
    fail(2005, "Invalid host name.");
  }
  return raw;
}
