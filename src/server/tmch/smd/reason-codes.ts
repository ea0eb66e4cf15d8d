/**
 * Why an SMD was refused, one code per distinct check so callers (the CLI, the registry's EPP
 * answers, the storefront's upload form) can tell the registrant what to do about it.
 */
export const SMD_REASONS = [
  "ok",
  "too-large",
  "malformed",
  "dtd-forbidden",
  "unsupported-algorithm",
  "signature-wrapping",
  "signature-invalid",
  "untrusted-chain",
  "certificate-not-yet-valid",
  "certificate-expired",
  "certificate-revoked",
  "crl-expired",
  "smd-revoked",
  "smd-not-yet-valid",
  "smd-expired",
] as const;

export type SmdReason = (typeof SMD_REASONS)[number];

/** Thrown inside the verifier and turned into a refusal verdict at its edge. */
export class SmdRefusal extends Error {
  constructor(
    readonly reason: Exclude<SmdReason, "ok">,
    message: string,
  ) {
    super(message);
    this.name = "SmdRefusal";
  }
}
