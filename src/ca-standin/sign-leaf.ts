/**
 * A subscriber certificate as the BRs (7.1.2.7) shape it: SANs, serverAuth only, CA:false, key
 * usage by key type, AKI/SKI, the CRL distribution point, the reserved CA/B policy OID for the
 * level, and a validity no longer than the maximum in force on the issue date.
 */
import { createHash, randomBytes } from "node:crypto";
import type { CaChain } from "./ca-chain";
import { maxCertificateDays } from "./lifetimes";
import type { Organisation } from "./model";
import type { Level } from "./products";
import { x509 } from "./x509-runtime";

const POLICY: Record<Level, string> = { dv: "2.23.140.1.2.1", ov: "2.23.140.1.2.2", ev: "2.23.140.1.1" };

export function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x10; // positive, and never a leading zero byte
  return bytes.toString("hex");
}

function subjectFor(names: string[], level: Level, org?: Organisation): string {
  // Commas and equals signs in an organisation name would break the DN string.
  const esc = (s: string) => s.replace(/[,=+<>#;"\\]/g, (c) => `\\${c}`);
  const cn = `CN=${names[0]}`;
  if (level === "dv" || !org) return cn;
  const parts = [cn, `O=${esc(org.name)}`];
  if (org.locality) parts.push(`L=${esc(org.locality)}`);
  if (org.region) parts.push(`ST=${esc(org.region)}`);
  parts.push(`C=${org.country.toUpperCase()}`);
  return parts.join(", ");
}

export type SignedLeaf = {
  serialNumber: string;
  certificatePem: string;
  notBefore: Date;
  notAfter: Date;
  spkiSha256: string;
};

export async function signLeaf(input: {
  chain: CaChain;
  csrPem: string;
  /** The same CSR already parsed (the CA has just verified it): not parsed a second time. */
  csr?: x509.Pkcs10CertificateRequest;
  names: string[];
  level: Level;
  organisation?: Organisation;
  validityDays: number;
  now: Date;
  crlUrl: string;
}): Promise<SignedLeaf> {
  const csr = input.csr ?? new x509.Pkcs10CertificateRequest(input.csrPem);
  const days = Math.max(1, Math.min(input.validityDays, maxCertificateDays(input.now)));
  const notBefore = new Date(Math.floor(input.now.getTime() / 1000) * 1000);
  // RFC 5280 validity includes both ends, so a 200-day certificate ends one second before day 200 does.
  const notAfter = new Date(notBefore.getTime() + days * 86_400_000 - 1000);
  const rsa = csr.publicKey.algorithm.name.toUpperCase().includes("RSA");
  const usage = rsa
    ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment
    : x509.KeyUsageFlags.digitalSignature;
  const serialNumber = newSerial();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber,
    subject: subjectFor(input.names, input.level, input.organisation),
    issuer: input.chain.intermediate.subject,
    notBefore,
    notAfter,
    publicKey: csr.publicKey,
    signingKey: input.chain.intermediateKey,
    signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(usage, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(input.names.map((value) => ({ type: "dns" as const, value }))),
      await x509.SubjectKeyIdentifierExtension.create(csr.publicKey),
      new x509.AuthorityKeyIdentifierExtension(input.chain.intermediateKeyId),
      new x509.CRLDistributionPointsExtension([input.crlUrl]),
      new x509.CertificatePolicyExtension([POLICY[input.level]]),
    ],
  });
  return {
    serialNumber,
    certificatePem: cert.toString("pem"),
    notBefore,
    notAfter,
    spkiSha256: createHash("sha256").update(Buffer.from(csr.publicKey.rawData)).digest("hex"),
  };
}
