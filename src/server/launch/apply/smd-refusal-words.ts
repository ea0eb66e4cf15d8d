/** What a registrant is told when their SMD is refused before payment, per verifier reason. */
import type { SmdReason } from "@/server/tmch/smd/reason-codes";

export const SMD_REFUSAL_WORDS: Record<Exclude<SmdReason, "ok">, string> = {
  "too-large": "The SMD file is too large to be a signed mark.",
  malformed: "This is not an SMD file: paste the whole file, including the ENCODED SMD block.",
  "dtd-forbidden": "This SMD file contains a document type declaration, which signed marks never do.",
  "unsupported-algorithm": "The SMD is signed with an algorithm signed marks do not use.",
  "signature-wrapping": "The SMD's signature does not cover its mark: it was altered.",
  "signature-invalid": "The SMD's signature does not verify: the file was altered or is not genuine.",
  "untrusted-chain": "The SMD was not issued by the Trademark Clearinghouse.",
  "certificate-not-yet-valid": "The certificate that signed this SMD is not valid yet.",
  "certificate-expired": "The certificate that signed this SMD has expired.",
  "certificate-revoked": "The certificate that signed this SMD was revoked by the Trademark Clearinghouse.",
  "crl-expired": "The Trademark Clearinghouse's revocation list is out of date; try again later.",
  "smd-revoked": "This SMD was revoked by the Trademark Clearinghouse (the mark was withdrawn or replaced).",
  "smd-not-yet-valid": "This SMD is not valid yet.",
  "smd-expired": "This SMD has expired: renew the mark to get a new one.",
};
