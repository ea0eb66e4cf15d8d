/**
 * Parse and check a PKCS#10 CSR (RFC 2986) before it goes to any CA: proof of possession (the
 * request's own signature), key and hash (check-csr-key), subject CN and SAN dNSNames
 * (check-cert-name), CN among the SANs, names lower-cased and de-duplicated with the CN first.
 * A CSR with a CN and no SAN extension is accepted with the CN as its one name, as commercial CAs do.
 */
import { createHash } from "node:crypto";
import { x509 } from "./x509-runtime";
import { checkCertName } from "./check-cert-name";
import { checkCsrKey, RSA_MAX_BITS } from "./check-csr-key";
import { problem, type CsrProblem } from "./csr-problems";
import { decodeCsrInput } from "./decode-csr-input";
import { DEFAULT_KNOWN_TLDS } from "./known-suffixes";

export const MAX_CSR_NAMES = 250;
const SAN_OID = "2.5.29.17";
// The signature check is a public-key operation; past this size it is not worth doing for a refused key.
const LARGEST_KEY_WORTH_VERIFYING = 2 * RSA_MAX_BITS;

export type CsrReport = {
  ok: boolean;
  problems: CsrProblem[];
  /** Lower-case, de-duplicated; the common name first. */
  names: string[];
  commonName: string | null;
  keyType: string | null;
  keySize: number | null;
  curve?: string;
  signatureHash: string | null;
  wildcards: number;
  /** SHA-256 of the SubjectPublicKeyInfo, lower-case hex: the same key across CSRs and certificates. */
  spkiSha256: string | null;
  /** The CSR in canonical PEM, for handing to a CA. */
  csrPem: string | null;
};

export type InspectCsrOptions = { knownTlds?: ReadonlySet<string> };

function failed(p: CsrProblem): CsrReport {
  return {
    ok: false,
    problems: [p],
    names: [],
    commonName: null,
    keyType: null,
    keySize: null,
    signatureHash: null,
    wildcards: 0,
    spkiSha256: null,
    csrPem: null,
  };
}

export async function inspectCsr(input: string | Uint8Array, options: InspectCsrOptions = {}): Promise<CsrReport> {
  const knownTlds = options.knownTlds ?? DEFAULT_KNOWN_TLDS;
  const decoded = decodeCsrInput(input);
  if ("problem" in decoded) return failed(decoded.problem);

  let csr: InstanceType<typeof x509.Pkcs10CertificateRequest>;
  try {
    csr = new x509.Pkcs10CertificateRequest(new Uint8Array(decoded.der));
    // Touch the lazily-parsed parts now, so a malformed request fails here rather than midway.
    void csr.publicKey.algorithm;
    void csr.subjectName;
  } catch {
    return failed(
      problem(
        "not_a_csr",
        "This file could not be read as a certificate signing request; it may be damaged or incomplete.",
      ),
    );
  }

  const problems: CsrProblem[] = [];
  const key = checkCsrKey(csr.publicKey.algorithm, csr.signatureAlgorithm);
  problems.push(...key.problems);

  if (key.keySize === null || key.keySize <= LARGEST_KEY_WORTH_VERIFYING) {
    let verified = false;
    try {
      verified = await csr.verify();
    } catch {
      verified = false;
    }
    if (!verified && key.problems.every((p) => p.code !== "key_type_not_accepted")) {
      problems.push(
        problem(
          "bad_signature",
          "The request's signature does not match its key: the file was changed after it was made. Make the CSR again.",
        ),
      );
    }
  }

  const cns = csr.subjectName.getField("CN");
  const commonName = cns.length ? cns[0].toLowerCase() : null;
  if (cns.length > 1) {
    problems.push(
      problem("invalid_name", "The request's subject has more than one common name (CN); it may have one."),
    );
  }

  const sanExt = csr.getExtension(SAN_OID);
  const sans: string[] = [];
  if (sanExt) {
    const ext = new x509.SubjectAlternativeNameExtension(sanExt.rawData);
    for (const item of ext.names.items) {
      if (item.type === "dns") sans.push(item.value);
      else if (item.type === "ip") {
        problems.push(
          problem(
            "ip_address",
            `The request names the IP address ${item.value}; certificates here are for domain names only.`,
            item.value,
          ),
        );
      } else {
        problems.push(
          problem(
            "invalid_name",
            `The request holds a ${item.type} entry (“${item.value.slice(0, 64)}”); only domain names may be listed.`,
          ),
        );
      }
    }
  }

  const raw = sans.length ? sans : commonName ? [commonName] : [];
  if (raw.length === 0) {
    problems.push(
      problem("no_names", "The request names no domain: give it a common name (CN) or subject alternative names."),
    );
  }
  if (raw.length > MAX_CSR_NAMES) {
    problems.push(
      problem(
        "too_many_names",
        `The request lists ${raw.length} names; at most ${MAX_CSR_NAMES} fit in one certificate.`,
      ),
    );
  }

  const names: string[] = [];
  const seen = new Set<string>();
  let wildcards = 0;
  for (const r of raw.slice(0, MAX_CSR_NAMES)) {
    const checked = checkCertName(r, knownTlds);
    if (seen.has(checked.name)) continue;
    seen.add(checked.name);
    names.push(checked.name);
    if (checked.wildcard) wildcards++;
    problems.push(...checked.problems);
  }
  if (commonName && sans.length && !seen.has(commonName)) {
    problems.push(
      problem(
        "cn_not_in_sans",
        `The common name “${commonName}” is not among the request's alternative names (${names.join(", ")}); every name must be listed there.`,
        commonName,
      ),
    );
  }
  if (commonName && seen.has(commonName)) {
    names.splice(names.indexOf(commonName), 1);
    names.unshift(commonName);
  }

  return {
    ok: problems.length === 0,
    problems,
    names,
    commonName,
    keyType: key.keyType,
    keySize: key.keySize,
    ...(key.curve ? { curve: key.curve } : {}),
    signatureHash: csr.signatureAlgorithm.hash?.name ?? null,
    wildcards,
    spkiSha256: createHash("sha256").update(Buffer.from(csr.publicKey.rawData)).digest("hex"),
    csrPem: csr.toString("pem"),
  };
}
