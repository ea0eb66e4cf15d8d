/**
 * The mail that delivers a certificate: the certificate and its chain as PEM, and the same as one
 * PKCS#7 bundle for servers that import that. The private key was never ours, so it is not in it.
 */
import type { MailInput } from "@/server/mail/send-mail";
import { pkcs7BundlePem } from "./pkcs7-bundle";

export function pkcs7Pem(certificatePem: string, chainPem: string[]): string {
  return pkcs7BundlePem([certificatePem, ...chainPem]);
}

type IssuanceInput = {
  resellerId: string;
  names: string[];
  notAfter: Date;
  certificatePem: string;
  chainPem: string[];
  purpose: "issue" | "reissue" | "replacement";
};

/** Queued a batch at a time by recordIssuedMany (queueMails): one insert per chunk of certificates. */
export function issuanceMail(
  input: IssuanceInput,
  registrant: { email: string; name: string },
  resellerName: string,
): MailInput {
  const cn = input.names[0];
  const text = [
    `Hello ${registrant.name},`,
    "",
    `Your ${{ issue: "", reissue: "reissued ", replacement: "renewed " }[input.purpose]}certificate for ${input.names.join(", ")} is ready. It is valid until ${input.notAfter.toISOString().slice(0, 10)}.`,
    "Install the certificate with the chain below on your server, beside the private key you made the request with.",
    "",
    "Certificate (PEM):",
    input.certificatePem.trim(),
    "",
    "Intermediate chain (PEM):",
    ...input.chainPem.map((p) => p.trim()),
    "",
    "Certificate and chain as PKCS#7 (PEM):",
    pkcs7Pem(input.certificatePem, input.chainPem).trim(),
    "",
    resellerName,
  ].join("\n");
  return {
    to: registrant.email,
    subject: `Your certificate for ${cn} is ready`,
    text,
    kind: "ssl.issued",
    resellerId: input.resellerId,
  };
}
