/**
 * What the TMCH stand-in keeps: marks as an agent submitted them, their verification history, the
 * SMDs issued for them, the lookup keys of the labels on the DNL and the revoked SMD ids. All of it
 * is plain JSON so the state file can hold it.
 */
export type MarkType = "trademark" | "treatyOrStatute" | "court";

/**
 * `submitted` → `verifying` → `verified` | `incorrect` (with reasons) → `corrected` → `verifying` …;
 * a verified mark becomes `expired` when its term ends without renewal, `deactivated` when the
 * TMCH withdraws it (its SMDs go on the SMDRL).
 */
export type MarkState = "submitted" | "verifying" | "incorrect" | "corrected" | "verified" | "expired" | "deactivated";

export type Address = { street: string[]; city: string; sp?: string; pc?: string; cc: string };

export type Party = {
  name?: string;
  org?: string;
  addr: Address;
  voice?: string;
  email?: string;
};

export type Holder = Party & { entitlement: "owner" | "assignee" | "licensee" };
export type Contact = Party & { type: "owner" | "agent" | "thirdParty"; name: string; email: string };

export type TrademarkDetails = {
  type: "trademark";
  jurisdiction: string;
  classes: number[];
  regNum: string;
  regDate: string;
  exDate?: string;
};
export type TreatyDetails = {
  type: "treatyOrStatute";
  protections: { cc: string; region?: string; rulings: string[] }[];
  refNum: string;
  proDate: string;
  title: string;
  execDate: string;
};
export type CourtDetails = {
  type: "court";
  refNum: string;
  proDate: string;
  cc: string;
  regions?: string[];
  courtName: string;
};

/** What an agent submits, and what a correction replaces. */
export type MarkSubmission = {
  name: string;
  holder: Holder;
  contacts: Contact[];
  goodsAndServices: string;
  /** The labels the holder asks for; each must be one the matching rules derive from the name. */
  labels?: string[];
  details: TrademarkDetails | TreatyDetails | CourtDetails;
};

export type ProofOfUse = {
  filename: string;
  mediaType: string;
  sha256: string;
  size: number;
  receivedAt: string;
};

export type StateChange = { state: MarkState; at: string; reasons?: string[] };

export type IssuedSmd = { smdId: string; notBefore: string; notAfter: string; file: string; revokedAt?: string };

export type MarkRecord = {
  id: string;
  /** The agent's own reference: a second submission with it answers the first mark. */
  externalId: string;
  submission: MarkSubmission;
  /** Derived by the matching rules, narrowed to the labels asked for. */
  labels: string[];
  termYears: 1 | 3 | 5;
  state: MarkState;
  reasons: string[];
  /** When the current state's review is due (the clock advances it). */
  reviewDueAt: string | null;
  submittedAt: string;
  verifiedAt: string | null;
  expiresAt: string | null;
  proofOfUse: ProofOfUse | null;
  smds: IssuedSmd[];
  history: StateChange[];
  /** Renewals already applied, by the agent's reference (renewals are idempotent on it). */
  renewals: { externalId: string; years: number; at: string }[];
};

export type DnlLabel = { lookupKey: string; insertedAt: string };

export type StandInState = {
  version: 1;
  nextMark: number;
  nextSmd: number;
  nextNotice: string;
  marks: Record<string, MarkRecord>;
  /** Labels on the DNL, with the lookup key of their claims notice. */
  dnl: Record<string, DnlLabel>;
  smdrl: { smdId: string; revokedAt: string }[];
};

export function emptyState(): StandInState {
  return { version: 1, nextMark: 1, nextSmd: 1, nextNotice: "1", marks: {}, dnl: {}, smdrl: [] };
}

export class TmchStandInError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "TmchStandInError";
  }
}
