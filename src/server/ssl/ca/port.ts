/**
 * The certificate-authority port: what the platform asks of any CA. Two adapters serve it: ACME
 * (RFC 8555, any ACME CA by configuration) and the commercial-CA stand-in in src/ca-standin/.
 * Reissue is a new order plus a revocation of the old certificate ("superseded", or "keyCompromise"
 * at once); the service layer composes it, so the port stays the same for both adapters.
 */

export type ValidationLevel = "dv" | "ov" | "ev";

/** CA/B Forum BR 3.2.2.4 methods we offer: DNS TXT (3.2.2.4.7), HTTP file (.18), constructed email (.4). */
export type DcvMethod = "dns-txt" | "http-file" | "email";

/** RFC 5280 CRLReason values a subscriber may ask for. */
export type RevocationReason =
  "unspecified" | "keyCompromise" | "affiliationChanged" | "superseded" | "cessationOfOperation";

export interface Organisation {
  name: string;
  country: string; // ISO 3166-1 alpha-2
  locality?: string;
  region?: string;
  registrationNumber?: string;
}

export interface CertificateOrderRequest {
  /** Ours, unique per attempt family: placing the same externalId twice returns the first order. */
  externalId: string;
  /** PKCS#10 in PEM. Its key never leaves the registrant. */
  csrPem: string;
  /** Names to certify; the first is the common name. Already checked by the CSR rules. */
  names: string[];
  level: ValidationLevel;
  dcvMethod: DcvMethod;
  /** For dcvMethod "email": one of the constructed addresses (admin@, administrator@, hostmaster@, postmaster@, webmaster@) per name. */
  dcvEmail?: Record<string, string>;
  organisation?: Organisation;
  /** Capped by the CA at the maximum lifetime in force on the issue date. */
  validityDays: number;
}

export type ChallengeState = "pending" | "processing" | "valid" | "invalid";

export interface DcvChallenge {
  /** The name this challenge proves control of (for a wildcard, the base name). */
  name: string;
  method: DcvMethod;
  state: ChallengeState;
  /** dns-txt: publish TXT `dnsRecordValue` at `dnsRecordName` (FQDN, no trailing dot). */
  dnsRecordName?: string;
  dnsRecordValue?: string;
  /** http-file: serve `httpBody` at http://NAME`httpPath`. */
  httpPath?: string;
  httpBody?: string;
  /** email: the address the approval mail went to. */
  emailAddress?: string;
  error?: string;
}

export type CaOrderState =
  | "pending_validation" // DCV (and OV/EV organisation checks) not done yet
  | "pending_approval" // validated, waiting for the CA's approval step
  | "processing" // being signed
  | "issued"
  | "rejected";

export interface IssuedCertificate {
  serialNumber: string; // lower-case hex, no separators
  certificatePem: string;
  /** Intermediates, leaf's issuer first; the root is not included. */
  chainPem: string[];
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 of the certificate's subject public key info, lower-case hex: finds every cert on one key. */
  spkiSha256: string;
}

export interface CaOrder {
  caOrderId: string;
  state: CaOrderState;
  challenges: DcvChallenge[];
  /** OV/EV only. */
  organisationState?: "pending" | "verified" | "rejected";
  certificate?: IssuedCertificate;
  rejectionReason?: string;
}

export interface CertificateAuthorityPort {
  readonly name: string;
  placeOrder(request: CertificateOrderRequest): Promise<CaOrder>;
  getOrder(caOrderId: string): Promise<CaOrder>;
  /** Tells the CA that the challenge for `name` is in place and may be checked now. */
  confirmChallenge(caOrderId: string, name: string): Promise<CaOrder>;
  /** A CA that finds certificates by serial number (the stand-in) uses `serialNumber` and parses nothing. */
  revoke(certificatePem: string, reason: RevocationReason, serialNumber?: string): Promise<void>;
  /** Root(s) a relying party should trust for this CA, PEM. */
  trustAnchorsPem(): Promise<string[]>;
  /**
   * Optional, where the CA's API takes a batch (commercial resellers' APIs do, ACME does not): many
   * orders in one call, one result per request in the same order, each as placeOrder would answer it.
   * Callers go through `placeOrders` in batch.ts, which falls back to one placeOrder per request.
   */
  placeOrdersBatch?(requests: CertificateOrderRequest[]): Promise<PerItem<CaOrder>[]>;
  /** Optional, as placeOrdersBatch: many revocations in one call, one result per item (`revokeAll` falls back). */
  revokeBatch?(items: RevocationItem[]): Promise<PerItem<void>[]>;
}

/** One item of a batch call: what it answered, or the error a single call would have thrown. */
export type PerItem<T> = { ok: true; value: T } | { ok: false; error: unknown };

export type RevocationItem = { certificatePem: string; reason: RevocationReason; serialNumber?: string };

export type CaErrorCode = "refused" | "not_found" | "unavailable" | "rate_limited";

export class CaError extends Error {
  constructor(
    readonly code: CaErrorCode,
    message: string,
    /** True when the request may have reached the CA and taken effect (timeouts, dropped connections). */
    readonly mayHaveTakenEffect = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "CaError";
  }
}

/** Publishes DCV records where the platform serves DNS (local stand-in, pebble-challtestsrv, a real provider). */
export interface DnsPublisher {
  setTxt(name: string, value: string): Promise<void>;
  clearTxt(name: string, value: string): Promise<void>;
}
