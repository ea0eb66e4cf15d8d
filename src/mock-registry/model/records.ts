/** Persistent objects of the simulated registry. Times are epoch milliseconds. */

export type LaunchPhase = "sunrise" | "landrush" | "claims" | "open" | "custom";

export type RgpStatus =
  | "addPeriod"
  | "autoRenewPeriod"
  | "renewPeriod"
  | "transferPeriod"
  | "redemptionPeriod"
  | "pendingRestore"
  | "pendingDelete";

export type GracePeriodKind = "addPeriod" | "autoRenewPeriod" | "renewPeriod" | "transferPeriod";

export interface GracePeriod {
  kind: GracePeriodKind;
  until: number;
  /** What the sponsor paid for the act that opened it, refunded on delete inside the period. */
  amount: number;
}

export type TransferStatus =
  "pending" | "clientApproved" | "clientCancelled" | "clientRejected" | "serverApproved" | "serverCancelled";

export interface TransferRecord {
  status: TransferStatus;
  reID: string;
  reDate: number;
  acID: string;
  acDate: number;
  /** Expiry the domain gets if the transfer completes. */
  exDate: number;
  periodYears: number;
  amount: number;
}

export interface DsData {
  keyTag: number;
  alg: number;
  digestType: number;
  digest: string;
}

export interface ContactLink {
  type: "admin" | "tech" | "billing";
  id: string;
}

/** The deletion pipeline (RFC 3915): which phase and when it ends. */
export interface DeletionState {
  phase: "redemptionPeriod" | "pendingRestore" | "pendingDelete";
  until: number;
  /** End of redemption, kept while a restore is pending so a missing report returns to it. */
  redemptionUntil: number;
}

export interface LaunchRecord {
  phase: LaunchPhase;
  applicationId?: string;
  markLabels?: string[];
  noticeId?: string;
}

export interface DomainRecord {
  roid: string;
  name: string;
  tld: string;
  clID: string;
  crID: string;
  crDate: number;
  upID?: string;
  upDate?: number;
  exDate: number;
  trDate?: number;
  registrant?: string;
  contacts: ContactLink[];
  ns: string[];
  /** client* and server* statuses; pending* and ok/inactive are derived. */
  statuses: string[];
  authInfo: string;
  ds: DsData[];
  grace: GracePeriod[];
  deletion?: DeletionState;
  transfer?: TransferRecord;
  launch?: LaunchRecord;
}

export interface HostAddr {
  ip: "v4" | "v6";
  addr: string;
}

export interface HostRecord {
  roid: string;
  name: string;
  clID: string;
  crID: string;
  crDate: number;
  upID?: string;
  upDate?: number;
  trDate?: number;
  addrs: HostAddr[];
  statuses: string[];
  /** Name of the registry domain this host is subordinate to, if any. */
  superordinate?: string;
}

export interface PostalInfo {
  type: "int" | "loc";
  name: string;
  org?: string;
  street: string[];
  city: string;
  sp?: string;
  pc?: string;
  cc: string;
}

export interface ContactRecord {
  roid: string;
  id: string;
  clID: string;
  crID: string;
  crDate: number;
  upID?: string;
  upDate?: number;
  postalInfo: PostalInfo[];
  voice?: string;
  fax?: string;
  email: string;
  authInfo: string;
  statuses: string[];
}

export type ApplicationStatus = "pendingValidation" | "validated" | "pendingAllocation" | "allocated" | "rejected";

export interface ApplicationRecord {
  id: string;
  name: string;
  tld: string;
  phase: LaunchPhase;
  clID: string;
  crDate: number;
  status: ApplicationStatus;
  periodYears: number;
  registrant?: string;
  contacts: ContactLink[];
  ns: string[];
  authInfo: string;
  ds: DsData[];
  /** What the application was charged when made (the phase price). */
  amount: number;
  /**
   * Landrush only: the sealed bid, the most the registrar agreed to pay (the fee it acknowledged in
   * the create, never below the phase price). Mock-only meaning, decision 121.
   */
  bid?: number;
  /** What the auction's winner pays in all (second-price), set at allocation. */
  clearingPrice?: number;
}

export type PollPayload =
  | { kind: "transfer"; name: string; transfer: TransferRecord }
  | { kind: "renew"; name: string; exDate: number }
  | { kind: "pendingAction"; name: string; ok: boolean; clTRID?: string; svTRID: string; at: number };

export interface PollRecord {
  id: string;
  clID: string;
  qDate: number;
  msg: string;
  payload?: PollPayload;
}

export interface AccountRecord {
  clID: string;
  /** Prepaid funds with the registry, minor units (USD). */
  balance: number;
  creditLimit: number;
  /** Set when the registrar changed its password with <newPW>. */
  password?: string;
}
