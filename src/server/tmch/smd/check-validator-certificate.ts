/**
 * The validator (TMV) certificate from an SMD's KeyInfo against the TMCH trust: issued and signed by
 * the CA, within its dates, not on the CA's CRL, and the CRL itself current, all at the time given.
 */
import { X509Certificate as NodeCertificate } from "node:crypto";
import { x509 } from "../x509-runtime";
import { SmdRefusal } from "./reason-codes";
import type { TmchTrust } from "./trust";

export interface ValidatorCertificate {
  serial: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
}

export function checkValidatorCertificate(pem: string, trust: TmchTrust, at: Date): ValidatorCertificate {
  let cert: x509.X509Certificate;
  let certNode: NodeCertificate;
  try {
    cert = new x509.X509Certificate(pem);
    certNode = new NodeCertificate(pem);
  } catch {
    throw new SmdRefusal("malformed", "The validator certificate cannot be read.");
  }
  const { ca, caNode, crl } = trust;
  if (at < ca.notBefore || at > ca.notAfter) {
    throw new SmdRefusal("untrusted-chain", "The TMCH CA certificate is not valid at the verification time.");
  }
  // OpenSSL checks the issuer name and the CA's signature synchronously; the registry's command
  // handling is synchronous, so the WebCrypto-based check of @peculiar/x509 cannot be awaited there.
  if (!certNode.checkIssued(caNode) || !certNode.verify(caNode.publicKey)) {
    throw new SmdRefusal("untrusted-chain", "The validator certificate is not issued by the TMCH CA.");
  }
  if (at < cert.notBefore)
    throw new SmdRefusal("certificate-not-yet-valid", "The validator certificate is not yet valid.");
  if (at > cert.notAfter) throw new SmdRefusal("certificate-expired", "The validator certificate has expired.");
  if (trust.crlFreshness === "strict" && (at < crl.thisUpdate || !crl.nextUpdate || at > crl.nextUpdate)) {
    throw new SmdRefusal("crl-expired", "The TMCH CRL is not current at the verification time.");
  }
  if (crl.findRevoked(cert)) {
    throw new SmdRefusal("certificate-revoked", "The validator certificate is revoked by the TMCH CRL.");
  }
  return { serial: cert.serialNumber, subject: cert.subject, notBefore: cert.notBefore, notAfter: cert.notAfter };
}
