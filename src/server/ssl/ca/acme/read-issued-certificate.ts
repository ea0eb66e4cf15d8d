/** Splits the PEM chain an ACME CA returns into the port's IssuedCertificate (leaf, intermediates, facts). */
import { createHash } from "node:crypto";
import { x509 } from "@/server/ssl/csr/x509-runtime";
import type { IssuedCertificate } from "../port";

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The serial as an unsigned hex number without leading zeros: DER adds a 00 byte when the top bit is
 * set, and CAs' status pages (pebble's, `openssl x509 -serial` stripped of zeros) name it without one.
 */
export function serialHex(certificate: x509.X509Certificate): string {
  return certificate.serialNumber.toLowerCase().replace(/^0+(?=.)/, "");
}

export function readIssuedCertificate(chainPem: string): IssuedCertificate {
  const [leafPem, ...intermediates]: string[] = chainPem.match(PEM_BLOCK) ?? [];
  if (!leafPem) throw new Error("The CA returned no certificate.");
  const leaf = new x509.X509Certificate(leafPem);
  return {
    serialNumber: serialHex(leaf),
    certificatePem: `${leafPem}\n`,
    chainPem: intermediates.map((pem) => `${pem}\n`),
    notBefore: leaf.notBefore,
    notAfter: leaf.notAfter,
    spkiSha256: createHash("sha256").update(Buffer.from(leaf.publicKey.rawData)).digest("hex"),
  };
}
