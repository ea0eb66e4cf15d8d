/** The intermediate's CRL (RFC 5280 5.1), signed by it, with a CRL number and the revocation reasons. */
import type { CaChain } from "./ca-chain";
import type { CertificateRecord, RevocationReason } from "./model";
import { x509 } from "./x509-runtime";

const REASON: Record<RevocationReason, x509.X509CrlReason> = {
  unspecified: x509.X509CrlReason.unspecified,
  keyCompromise: x509.X509CrlReason.keyCompromise,
  affiliationChanged: x509.X509CrlReason.affiliationChanged,
  superseded: x509.X509CrlReason.superseded,
  cessationOfOperation: x509.X509CrlReason.cessationOfOperation,
};

/** DER INTEGER for a small positive number (the CRL number extension's value). */
function derInteger(n: number): ArrayBuffer {
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  if (bytes.length === 0 || bytes[0] & 0x80) bytes.unshift(0);
  return new Uint8Array([0x02, bytes.length, ...bytes]).buffer;
}

export async function buildCrl(input: {
  chain: CaChain;
  revoked: CertificateRecord[];
  crlNumber: number;
  now: Date;
}): Promise<x509.X509Crl> {
  return x509.X509CrlGenerator.create({
    issuer: input.chain.intermediate.subject,
    thisUpdate: input.now,
    // BR 4.9.7: a CRL for subscriber certificates is valid for at most ten days.
    nextUpdate: new Date(input.now.getTime() + 7 * 86_400_000),
    signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
    signingKey: input.chain.intermediateKey,
    extensions: [
      new x509.AuthorityKeyIdentifierExtension(input.chain.intermediateKeyId),
      new x509.Extension("2.5.29.20", false, derInteger(input.crlNumber)),
    ],
    entries: input.revoked.map((c) => ({
      serialNumber: c.serialNumber,
      revocationDate: new Date(c.revokedAt!),
      // RFC 5280 5.3.1: the reason code is left out rather than sent as "unspecified".
      ...(c.revocationReason && c.revocationReason !== "unspecified" ? { reason: REASON[c.revocationReason] } : {}),
    })),
  });
}
