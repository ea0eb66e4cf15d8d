/**
 * A certificate bundle as a degenerate PKCS#7 SignedData (RFC 2315 / RFC 5652: certificates, no
 * signers), the form servers import with `openssl pkcs7 -print_certs`. Built from the certificates'
 * DER as they are, without parsing them: the library's CMS export re-encodes every certificate through
 * its ASN.1 schema, which cost an issuance twice what the CA spends signing (decision 125). The bytes
 * are the library's own (tests/unit/ssl/pkcs7-bundle.test.ts compares them).
 */

/** A DER tag-length-value with the definite length form. */
function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    len = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

// 1.2.840.113549.1.7.2 (signedData) and 1.2.840.113549.1.7.1 (data), DER-encoded with their tag.
const SIGNED_DATA = Buffer.from("06092a864886f70d010702", "hex");
const DATA = Buffer.from("06092a864886f70d010701", "hex");
const VERSION_1 = Buffer.from("020101", "hex");

function derOf(pem: string): Buffer {
  const b64 = pem.replace(/-----(BEGIN|END) [^-]+-----/g, "").replace(/\s+/g, "");
  if (!b64) throw new Error("Not a PEM certificate.");
  return Buffer.from(b64, "base64");
}

/** PEM-wrapped at 64 columns under the PKCS7 label, as servers and openssl expect. */
export function pkcs7BundlePem(certificatePems: string[]): string {
  const signedData = tlv(
    0x30,
    VERSION_1,
    tlv(0x31), // no digest algorithms: nothing is signed
    tlv(0x30, DATA, tlv(0xa0, tlv(0x04))), // an empty data content, as the library writes it
    tlv(0xa0, ...certificatePems.map(derOf)), // [0] IMPLICIT SET OF Certificate
    tlv(0x31), // no signer infos
  );
  const der = tlv(0x30, SIGNED_DATA, tlv(0xa0, signedData));
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN PKCS7-----\n${lines.join("\n")}\n-----END PKCS7-----`;
}
