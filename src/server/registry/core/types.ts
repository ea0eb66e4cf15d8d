/**
 * What the service layer sends to and gets from a registry, independent of EPP syntax. Money is in
 * minor units with its currency; instants are ISO 8601 strings as on the EPP wire.
 */

export interface Money {
  amount: number;
  currency: string;
}

/** Every successful command carries the registry's result code and message (1000, 1001, 1300...). */
export interface EppResult<T> {
  code: number;
  message: string;
  clTRID?: string;
  svTRID: string;
  data: T;
}

export type LaunchPhase = "sunrise" | "landrush" | "claims" | "open" | "custom";
export type ContactRole = "admin" | "tech" | "billing";

export interface ContactLink {
  type: ContactRole;
  id: string;
}

export interface DsRecord {
  keyTag: number;
  alg: number;
  digestType: number;
  digest: string;
}

/** A DNSKEY as RFC 5910's keyData carries it. */
export interface DnsKey {
  flags: number;
  protocol: number;
  alg: number;
  pubKey: string;
}

export type FeeOperation = "create" | "renew" | "transfer" | "restore";

/** Every command RFC 8748 can price; "custom" is named by the registry (FeeQuote.customName). */
export type FeeCommand = FeeOperation | "delete" | "update" | "custom";

/** One price as the registry quoted it: a command, for a period, in a phase. */
export interface FeeQuote {
  command: FeeCommand;
  customName?: string;
  /** As the registry stated it; absent when it did not say. */
  period?: { value: number; unit: "y" | "m" };
  phase?: string;
  subphase?: string;
  /** Fees plus (negative) credits; absent when the registry gave no fee, e.g. with a reason. */
  price?: Money;
  /** The registry calls this its standard (non-premium) price. */
  standard: boolean;
  reason?: string;
}

export interface DomainCheck {
  name: string;
  available: boolean;
  reason?: string;
  /** The TLD's launch phase as the registry reports it ("open", "claims", "sunrise", "landrush", "announced"). */
  phase?: string;
  premium: boolean;
  /** One-year prices (create for the requested period) from the fee extension. */
  prices: Partial<Record<FeeOperation, Money>>;
  /** Every quote the registry gave for this name, in its order (EPP adapter only). */
  quotes?: FeeQuote[];
  /** Why the registry gave no fees for this name at all. */
  feeReason?: string;
}

export interface ClaimsCheck {
  name: string;
  claim: boolean;
  /** The first of claimKeys. */
  claimKey?: string;
  /** Every key, when there are several or one names its validator (RFC 8334: one per trademark validator). */
  claimKeys?: { key: string; validatorId?: string }[];
  phase: string;
  /** The registry's name for a "custom" phase. */
  customPhase?: string;
}

export interface FeeSummary {
  fees: Money[];
  credits: Money[];
  balance?: Money;
}

export type LaunchData =
  /** `application`: a sunrise application the registry allocates when sunrise ends (RFC 8334 type="application"). */
  | { phase: "sunrise"; encodedSignedMark: string; application?: boolean }
  | { phase: "claims" | "landrush" | "open"; notice?: ClaimsNotice };

export interface ClaimsNotice {
  noticeId: string;
  validatorId?: string;
  notAfter: string;
  acceptedDate: string;
}

export interface CreateDomainInput {
  name: string;
  years?: number;
  registrant?: string;
  contacts?: ContactLink[];
  nameservers?: string[];
  authInfo: string;
  ds?: DsRecord[];
  /** The price the platform agrees to pay; required for premium names. */
  fee?: Money;
  launch?: LaunchData;
}

export interface DomainCreated {
  name: string;
  createdAt: string;
  expiresAt?: string;
  /** true for 1001 results such as landrush applications. */
  pending: boolean;
  applicationId?: string;
  fee?: FeeSummary;
}

export interface DomainInfo {
  name: string;
  roid: string;
  statuses: string[];
  registrant?: string;
  contacts: ContactLink[];
  nameservers?: string[];
  subordinateHosts: string[];
  sponsor: string;
  createdBy?: string;
  createdAt?: string;
  updatedBy?: string;
  updatedAt?: string;
  expiresAt?: string;
  transferredAt?: string;
  authInfo?: string;
  rgpStatuses: string[];
  ds: DsRecord[];
  /** Keys the registry holds: RFC 5910's key-data interface, or keyData inside dsData. */
  dnsKeys?: DnsKey[];
  /** Seconds (RFC 5910 maxSigLife). */
  maxSigLife?: number;
  /** Nameservers given as hostAttr (RFC 5731 §1.1) carry their addresses here. */
  nameserverAddresses?: Record<string, string[]>;
  /** `statusText`: the status element's free text, where the mock registry states an auction's clearing price. */
  launch?: { phase: string; customPhase?: string; applicationId?: string; status?: string; statusText?: string };
}

export interface RenewDomainInput {
  name: string;
  /** The current expiry (date or full instant); a retry with a stale date fails instead of renewing twice. */
  currentExpiry: string;
  years?: number;
  fee?: Money;
}

export type TransferStatus =
  "pending" | "clientApproved" | "clientCancelled" | "clientRejected" | "serverApproved" | "serverCancelled";

export interface TransferInfo {
  name: string;
  status: TransferStatus;
  requestedBy: string;
  requestedAt: string;
  actionBy: string;
  actionDeadline: string;
  expiresAt?: string;
  fee?: FeeSummary;
}

export interface UpdateDomainInput {
  name: string;
  add?: { nameservers?: string[]; contacts?: ContactLink[]; statuses?: string[] };
  remove?: { nameservers?: string[]; contacts?: ContactLink[]; statuses?: string[] };
  registrant?: string;
  authInfo?: string;
  ds?: { add?: DsRecord[]; remove?: DsRecord[]; removeAll?: boolean };
}

export interface RestoreReport {
  preData: string;
  postData: string;
  deletedAt: string;
  restoredAt: string;
  reason: string;
  statements: [string, string];
  other?: string;
}

export interface ObjectCheck {
  id: string;
  available: boolean;
  reason?: string;
}

export interface HostInfo {
  name: string;
  roid: string;
  statuses: string[];
  addresses: string[];
  sponsor: string;
  createdAt: string;
  updatedAt?: string;
}

export interface UpdateHostInput {
  name: string;
  add?: { addresses?: string[]; statuses?: string[] };
  remove?: { addresses?: string[]; statuses?: string[] };
  newName?: string;
}

export interface PostalAddress {
  type: "int" | "loc";
  name: string;
  org?: string;
  street: string[];
  city: string;
  sp?: string;
  pc?: string;
  cc: string;
}

export interface ContactInput {
  id: string;
  postal: PostalAddress[];
  voice?: string;
  fax?: string;
  email: string;
  authInfo: string;
}

export interface ContactInfo extends Omit<ContactInput, "authInfo"> {
  roid: string;
  statuses: string[];
  sponsor: string;
  createdAt: string;
  updatedAt?: string;
  authInfo?: string;
}

export interface UpdateContactInput {
  id: string;
  add?: { statuses?: string[] };
  remove?: { statuses?: string[] };
  change?: Partial<Omit<ContactInput, "id">>;
}

export type PollEvent =
  | ({ kind: "transfer" } & TransferInfo)
  | { kind: "renewal"; name: string; expiresAt: string }
  | { kind: "pendingAction"; name: string; success: boolean; clTRID?: string; svTRID: string; at: string };

export interface PollMessage {
  id: string;
  remaining: number;
  queuedAt: string;
  message: string;
  event?: PollEvent;
}
