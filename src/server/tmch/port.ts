/**
 * The Trademark Clearinghouse as the platform uses it, as an agent: record marks, follow their
 * verification, renew them, fetch SMD files, and read what registries read (the TMCH CA and CRL,
 * the DNL and SMDRL with their signatures, claims notices). One adapter today, the stand-in over
 * HTTP (src/server/tmch/http); chosen by TMCH_ADAPTER in src/server/tmch/access.ts.
 */
import type { MarkSubmission, ProofOfUse, TermYears } from "./mark-submission";

export type TmchMarkState =
  "submitted" | "verifying" | "incorrect" | "corrected" | "verified" | "expired" | "deactivated";

export type TmchMarkStatus = {
  id: string;
  externalId: string;
  state: TmchMarkState;
  reasons: string[];
  labels: string[];
  termYears: number;
  submittedAt: Date;
  verifiedAt: Date | null;
  expiresAt: Date | null;
  /** The SMD currently valid for the mark (verified, with proof of use). */
  smd: { smdId: string; notBefore: Date; notAfter: Date } | null;
};

export type SignedList = { csv: string; signature: string };

export interface TmchPort {
  readonly name: string;
  /** Idempotent on externalId: a second call answers the mark the first one recorded. */
  submitMark(request: {
    externalId: string;
    termYears: TermYears;
    submission: MarkSubmission;
    proofOfUse?: ProofOfUse;
  }): Promise<TmchMarkStatus>;
  findMark(externalId: string): Promise<TmchMarkStatus | null>;
  getMark(id: string): Promise<TmchMarkStatus>;
  correctMark(id: string, submission: MarkSubmission): Promise<TmchMarkStatus>;
  /** Idempotent on externalId (the renewal's own reference). */
  renewMark(id: string, externalId: string, years: TermYears): Promise<TmchMarkStatus>;
  uploadProofOfUse(id: string, proof: ProofOfUse): Promise<TmchMarkStatus>;
  /** The .smd file of the mark's current SMD; null when it has none. */
  smdFile(id: string): Promise<string | null>;
  trustMaterial(): Promise<{ caPem: string; crlPem: string }>;
  list(kind: "dnl" | "smdrl"): Promise<SignedList>;
  listsPublicKey(): Promise<string>;
  /** The claims notice XML for a DNL lookup key. */
  claimsNotice(lookupKey: string): Promise<string>;
}

export type TmchErrorKind = "refused" | "not_found" | "unavailable" | "rate_limited";

export class TmchError extends Error {
  constructor(
    readonly kind: TmchErrorKind,
    message: string,
    /** A change that timed out or lost its answer may have been made: look before doing it again. */
    readonly mayHaveTakenEffect = false,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "TmchError";
  }

  get transient(): boolean {
    return this.kind === "unavailable" || this.kind === "rate_limited";
  }
}
