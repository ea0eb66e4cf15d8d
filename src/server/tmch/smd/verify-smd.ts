/**
 * Verifies a signed mark (SMD) the way a registry must before it accepts a sunrise application
 * (standards.md 1.9, 2.1): decode, parse without DTDs, XML-DSig, validator certificate chained to the
 * TMCH CA and not revoked, SMD id not on the SMDRL, SMD within its dates. Synchronous, with the clock
 * as a parameter, so the mock registry can call it inside a command and tests can pin the time.
 */
import { checkSmdSignature } from "./check-signature";
import { checkValidatorCertificate, type ValidatorCertificate } from "./check-validator-certificate";
import { decodeSmdInput } from "./decode-smd-input";
import { readSignedMark, type SignedMarkContent, type SmdMark } from "./read-mark";
import { SmdRefusal, type SmdReason } from "./reason-codes";
import type { TmchTrust } from "./trust";

export interface SmdVerdict {
  valid: boolean;
  reason: SmdReason;
  message: string;
  /** Read from the signed content only: null when the signature did not verify. */
  smdId: string | null;
  issuerId: string | null;
  marks: SmdMark[];
  labels: string[];
  notBefore: string | null;
  notAfter: string | null;
  validator: (Omit<ValidatorCertificate, "notBefore" | "notAfter"> & { notAfter: string }) | null;
}

function verdict(
  reason: SmdReason,
  message: string,
  content?: SignedMarkContent,
  validator?: ValidatorCertificate,
): SmdVerdict {
  return {
    valid: reason === "ok",
    reason,
    message,
    smdId: content?.smdId ?? null,
    issuerId: content?.issuerId ?? null,
    marks: content?.marks ?? [],
    labels: content?.labels ?? [],
    notBefore: content?.notBefore.toISOString() ?? null,
    notAfter: content?.notAfter.toISOString() ?? null,
    validator: validator
      ? { serial: validator.serial, subject: validator.subject, notAfter: validator.notAfter.toISOString() }
      : null,
  };
}

export function verifySmd(input: string | Uint8Array, trust: TmchTrust, at: Date): SmdVerdict {
  let content: SignedMarkContent | undefined;
  let validator: ValidatorCertificate | undefined;
  try {
    const { signedRoot, certificatePem } = checkSmdSignature(decodeSmdInput(input));
    content = readSignedMark(signedRoot);
    validator = checkValidatorCertificate(certificatePem, trust, at);
    if (trust.revokedSmdIds.has(content.smdId)) {
      throw new SmdRefusal("smd-revoked", "The SMD is on the TMCH's SMD revocation list.");
    }
    if (at < content.notBefore) throw new SmdRefusal("smd-not-yet-valid", "The SMD is not yet valid.");
    if (at > content.notAfter) throw new SmdRefusal("smd-expired", "The SMD has expired.");
    return verdict("ok", "The SMD is valid.", content, validator);
  } catch (e) {
    if (e instanceof SmdRefusal) return verdict(e.reason, e.message, content, validator);
    throw e;
  }
}
