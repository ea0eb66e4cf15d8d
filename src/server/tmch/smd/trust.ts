/**
 * The TMCH trust material an SMD is checked against: the TMCH CA, its CRL and the SMD revocation
 * list. Loading is synchronous (the mock registry answers EPP commands synchronously) and checks what
 * does not depend on the clock: the CRL is signed by the CA and names it as issuer. What does depend on
 * it (the CA's and the CRL's dates) is checked at each verification, against the time given there.
 */
import { createPublicKey, verify, X509Certificate as NodeCertificate, type KeyObject } from "node:crypto";
import { x509 } from "../x509-runtime";
import { parseSmdrl } from "../lists/parse-smdrl";

export interface TmchTrustMaterial {
  caPem: string;
  crlPem: string;
  /** The SMD revocation list as ICANN publishes it (CSV); its signature is checked where it is fetched. */
  smdrlCsv?: string;
  /**
   * "strict" (default): a CRL past its nextUpdate refuses every SMD, as RFC 5280 readers do.
   * "last-known": keep using the newest CRL held, as a registry does while its CRL refresh fails; the
   * mock registry uses it because ICANN's pilot CRL expired in 2023 and will never be reissued.
   */
  crlFreshness?: "strict" | "last-known";
}

export interface TmchTrust {
  ca: x509.X509Certificate;
  caNode: NodeCertificate;
  crl: x509.X509Crl;
  revokedSmdIds: ReadonlySet<string>;
  crlFreshness: "strict" | "last-known";
}

export class TrustMaterialError extends Error {
  constructor(
    readonly reason: "ca-unreadable" | "crl-unreadable" | "crl-untrusted" | "smdrl-unreadable",
    message: string,
  ) {
    super(message);
    this.name = "TrustMaterialError";
  }
}

const NODE_HASH: Record<string, string> = {
  "SHA-1": "sha1",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

/** Reads a DER length at `i`; returns the length and where the content starts. */
function derLength(der: Uint8Array, i: number): [number, number] {
  const first = der[i];
  if (first < 0x80) return [first, i + 1];
  const count = first & 0x7f;
  if (count === 0 || count > 4 || i + count >= der.length) throw new Error("bad DER length");
  let length = 0;
  for (let k = 1; k <= count; k++) length = length * 256 + der[i + k];
  return [length, i + 1 + count];
}

/**
 * The tbsCertList exactly as signed: the first element of the CertificateList SEQUENCE. Sliced from
 * the raw bytes because re-encoding the parsed structure does not always reproduce them.
 */
function tbsBytes(der: Uint8Array): Uint8Array {
  if (der[0] !== 0x30) throw new Error("not a SEQUENCE");
  const [, start] = derLength(der, 1);
  if (der[start] !== 0x30) throw new Error("tbsCertList is not a SEQUENCE");
  const [length, content] = derLength(der, start + 1);
  if (content + length > der.length) throw new Error("tbsCertList overruns the CRL");
  return der.subarray(start, content + length);
}

/**
 * The CRL's signature, checked by OpenSSL (synchronously, unlike @peculiar/x509's WebCrypto check)
 * over the signed bytes of the CRL @peculiar/x509 parsed.
 */
function crlSignedBy(crl: x509.X509Crl, caKey: KeyObject): boolean {
  const alg = crl.signatureAlgorithm as { name?: string; hash?: { name?: string } };
  const hash = alg.hash?.name ? NODE_HASH[alg.hash.name] : undefined;
  // The TMCH CAs sign with RSA (PKCS#1 v1.5); nothing else is accepted.
  if (!hash || alg.name !== "RSASSA-PKCS1-v1_5") return false;
  try {
    return verify(hash, tbsBytes(new Uint8Array(crl.rawData)), caKey, Buffer.from(crl.signature));
  } catch {
    return false;
  }
}

export function loadTmchTrust(material: TmchTrustMaterial): TmchTrust {
  let ca: x509.X509Certificate;
  let caNode: NodeCertificate;
  try {
    ca = new x509.X509Certificate(material.caPem);
    caNode = new NodeCertificate(material.caPem);
  } catch (e) {
    throw new TrustMaterialError("ca-unreadable", `The TMCH CA certificate cannot be read: ${(e as Error).message}`);
  }
  let crl: x509.X509Crl;
  try {
    crl = new x509.X509Crl(material.crlPem);
  } catch (e) {
    throw new TrustMaterialError("crl-unreadable", `The TMCH CRL cannot be read: ${(e as Error).message}`);
  }
  if (crl.issuer !== ca.subject || !crlSignedBy(crl, createPublicKey(material.caPem))) {
    throw new TrustMaterialError("crl-untrusted", "The CRL is not signed by the configured TMCH CA.");
  }
  let revokedSmdIds: ReadonlySet<string> = new Set();
  if (material.smdrlCsv !== undefined) {
    try {
      revokedSmdIds = new Set(parseSmdrl(material.smdrlCsv).rows.map((r) => r.smdId));
    } catch (e) {
      throw new TrustMaterialError(
        "smdrl-unreadable",
        `The SMD revocation list cannot be read: ${(e as Error).message}`,
      );
    }
  }
  return { ca, caNode, crl, revokedSmdIds, crlFreshness: material.crlFreshness ?? "strict" };
}
