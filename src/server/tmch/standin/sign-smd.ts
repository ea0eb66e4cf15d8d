/**
 * Signs an SMD as the TMCH does (RFC 7848 §2.4): an enveloped XML-DSig over the signedMark, exclusive
 * c14n, RSA-SHA256, the validator certificate in KeyInfo; and wraps it in the file the TMCH hands a
 * mark holder (standards.md 2.1).
 */
import { randomUUID } from "node:crypto";
import { toUnicode } from "tr46";
import { SignedXml } from "xml-crypto";
import { buildSignedMark, type SignedMarkInput } from "./build-signed-mark";
import type { StandinCa } from "./tmch-ca";

const EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

export interface SignedSmd {
  xml: string;
  /** What EPP's smd:encodedSignedMark carries. */
  encoded: string;
  /** The .smd file: a readable header and the encoded block. */
  file: string;
}

export function signSmd(input: Omit<SignedMarkInput, "xmlId">, ca: StandinCa): SignedSmd {
  const xmlId = `_${randomUUID()}`;
  const unsigned = buildSignedMark({ ...input, xmlId });
  const signer = new SignedXml({
    privateKey: ca.validatorKeyPem,
    publicCert: ca.validatorPem,
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    canonicalizationAlgorithm: EXC_C14N,
  });
  signer.addReference({
    xpath: "/*",
    transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", EXC_C14N],
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
  });
  signer.computeSignature(unsigned, { prefix: "ds", location: { reference: "/*", action: "append" } });
  const xml = signer.getSignedXml();
  const encoded = Buffer.from(xml, "utf8").toString("base64");
  const uLabels = input.mark.labels.map((l) => toUnicode(l).domain);
  const file = [
    `Marks: ${input.mark.name}`,
    `smdID: ${input.smdId}`,
    `U-labels: ${uLabels.join(", ")}`,
    `notBefore: ${input.notBefore.toISOString()}`,
    `notAfter: ${input.notAfter.toISOString()}`,
    "-----BEGIN ENCODED SMD-----",
    ...(encoded.match(/.{1,76}/g) ?? []),
    "-----END ENCODED SMD-----",
    "",
  ].join("\n");
  return { xml, encoded, file };
}
