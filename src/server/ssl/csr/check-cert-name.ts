/**
 * One name from a CSR (subject CN or a SAN dNSName) against the rules for a publicly-trusted
 * certificate: LDH A-labels, a wildcard only as the whole left-most label, a registrable name under a
 * TLD we know, nothing internal, no IP address. One pass over a name of at most 253 characters, so a
 * hostile CSR costs little.
 */
import { toUnicode } from "tr46";
import { isInternalSuffix, isPublicSuffix } from "./known-suffixes";
import { problem, type CsrProblem } from "./csr-problems";

const MAX_NAME = 253;
const MAX_LABEL = 63;

export type CheckedName = { name: string; wildcard: boolean; problems: CsrProblem[] };

function isLdh(label: string): boolean {
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
    if (!ok) return false;
  }
  return true;
}

function isDigits(label: string): boolean {
  if (!label) return false;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return true;
  return false;
}

function labelProblem(label: string, name: string): CsrProblem | null {
  const bad = (why: string) => problem("invalid_name", `“${name}” is not a valid domain name: ${why}`, name);
  if (!label) return bad("it has an empty part (two dots in a row, or a dot at the start or end).");
  if (label.length > MAX_LABEL) return bad("one part is longer than 63 characters.");
  if (!isLdh(label)) return bad("only letters, digits, hyphens and dots are allowed.");
  if (label.startsWith("-") || label.endsWith("-")) return bad("a part cannot start or end with a hyphen.");
  if (label.length >= 4 && label[2] === "-" && label[3] === "-") {
    if (!label.startsWith("xn--")) return bad("hyphens in the third and fourth positions are reserved for xn-- names.");
    const decoded = toUnicode(label, {
      checkHyphens: true,
      checkBidi: true,
      checkJoiners: true,
      useSTD3ASCIIRules: true,
    });
    if (decoded.error || decoded.domain === label) {
      return bad("its xn-- part is not a valid encoded international name.");
    }
  }
  return null;
}

export function checkCertName(raw: string, knownTlds: ReadonlySet<string>): CheckedName {
  const name = raw.toLowerCase();
  const problems: CsrProblem[] = [];
  const done = (wildcard = false): CheckedName => ({ name, wildcard, problems });

  if (name.length > MAX_NAME) {
    problems.push(problem("invalid_name", "A name in the request is longer than 253 characters.", name.slice(0, 64)));
    return done();
  }
  if (name.includes(":")) {
    problems.push(
      problem("ip_address", `“${name}” is an IP address; certificates here are for domain names only.`, name),
    );
    return done();
  }
  if (hasNonAscii(name)) {
    problems.push(
      problem(
        "non_ascii_name",
        `“${name}” must be written in its encoded form (xn--…) in the request; make the CSR again with that form.`,
        name,
      ),
    );
    return done();
  }

  const labels = name.split(".");
  if (labels.length === 4 && labels.every(isDigits)) {
    problems.push(
      problem("ip_address", `“${name}” is an IP address; certificates here are for domain names only.`, name),
    );
    return done();
  }

  let wildcards = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!label.includes("*")) continue;
    wildcards++;
    if (label !== "*") {
      problems.push(
        problem(
          "wildcard_partial_label",
          `“${name}”: a wildcard must be a whole part of the name on its own, like *.example.com.`,
          name,
        ),
      );
    } else if (i !== 0) {
      problems.push(
        problem(
          "wildcard_not_leftmost",
          `“${name}”: the * may only be the first part of the name, like *.example.com.`,
          name,
        ),
      );
    }
  }
  if (wildcards > 1) {
    problems.push(problem("wildcard_more_than_one", `“${name}” has more than one *; only one is allowed.`, name));
  }
  if (problems.length) return done(true);

  const wildcard = wildcards === 1;
  const base = wildcard ? labels.slice(1) : labels;
  for (const label of base) {
    const p = labelProblem(label, name);
    if (p) {
      problems.push(p);
      return done(wildcard);
    }
  }

  // A lone known TLD falls through to the public-suffix rule below, which says it better.
  if ((base.length < 2 && !knownTlds.has(base[0] ?? "")) || isInternalSuffix(base)) {
    problems.push(
      problem(
        "internal_name",
        `“${name}” is an internal name (one that only exists inside a private network); public certificates cannot cover it.`,
        name,
      ),
    );
    return done(wildcard);
  }
  const tld = base[base.length - 1];
  if (isDigits(tld)) {
    problems.push(problem("invalid_name", `“${name}” is not a valid domain name: it ends in a number.`, name));
    return done(wildcard);
  }
  if (!knownTlds.has(tld)) {
    problems.push(
      problem("unknown_tld", `“${name}” ends in .${tld}, which is not a domain extension we can issue for.`, name),
    );
    return done(wildcard);
  }
  const baseName = base.join(".");
  if (isPublicSuffix(baseName, knownTlds)) {
    problems.push(
      wildcard
        ? problem(
            "wildcard_on_public_suffix",
            `“${name}” would cover everyone's names under .${baseName}; a wildcard must sit on a name you hold.`,
            name,
          )
        : problem("public_suffix", `“${name}” is a domain extension, not a name someone can hold.`, name),
    );
  }
  return done(wildcard);
}
