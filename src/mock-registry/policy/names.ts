/** Domain and host name rules (RFC 1035 LDH, IDNA2008 A-labels, per-TLD IDN and length policy). */
import { domainToASCII, domainToUnicode } from "node:url";
import type { TldPolicy } from "../config/tld-policy";
import { fail } from "../model/result-codes";

export interface ParsedDomain {
  name: string;
  label: string;
  tld: string;
  policy: TldPolicy;
}

const LDH = /^[a-z0-9-]+$/;
const scriptPatterns = new Map<string, RegExp>();

function scriptPattern(scripts: string[]): RegExp {
  const key = scripts.join(",");
  let re = scriptPatterns.get(key);
  if (!re) {
    re = new RegExp(`^[0-9\\-${scripts.map((s) => `\\p{Script=${s}}`).join("")}]+$`, "u");
    scriptPatterns.set(key, re);
  }
  return re;
}

/** Syntax of one label; the messages are the ones a Nomulus registry answers with. */
function checkLabelSyntax(label: string, policy: TldPolicy): void {
  if (label.length === 0) fail(2306, "No part of a domain name can be empty.");
  if (!LDH.test(label)) fail(2306, "Domain names can only contain a-z, 0-9, '.' and '-'.");
  if (label.length > 63) fail(2306, "Domain labels cannot be longer than 63 characters.");
  if (label.startsWith("-")) fail(2306, "Domain labels cannot begin with a dash.");
  if (label.endsWith("-")) fail(2306, "Domain labels cannot end with a dash.");
  if (label.startsWith("xn--")) {
    const unicode = domainToUnicode(label);
    if (!unicode || unicode === label || domainToASCII(unicode) !== label) {
      fail(2306, "Domain name starts with xn-- but is not a valid IDN.");
    }
    if (policy.idnScripts.length === 0 || !scriptPattern(policy.idnScripts).test(unicode)) {
      fail(2004, "Domain label is not allowed by IDN table.");
    }
  } else if (label.slice(2, 4) === "--") {
    fail(2306, "Non-IDN domain names cannot contain hyphens in the third or fourth position.");
  }
}

export function parseDomainName(raw: string, tlds: ReadonlyMap<string, TldPolicy>): ParsedDomain {
  const name = raw.trim().toLowerCase();
  const parts = name.split(".");
  if (parts.some((p) => p.length === 0)) fail(2306, "No part of a domain name can be empty.");
  const tld = parts[parts.length - 1];
  const policy = tlds.get(tld);
  if (!policy) fail(2004, "Domain name is under tld which doesn't exist.");
  if (parts.length !== 2) fail(2005, "Domain name must have exactly one part above the TLD.");
  const label = parts[0];
  checkLabelSyntax(label, policy);
  const length = label.startsWith("xn--") ? [...domainToUnicode(label)].length : label.length;
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
