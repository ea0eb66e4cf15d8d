/** The stand-in's records. Everything is plain JSON so the whole state can be written to one file. */
import type { Level } from "./products";

export type DcvMethod = "dns-txt" | "http-file" | "email";
export type ChallengeState = "pending" | "processing" | "valid" | "invalid";
export type OrderState = "pending_validation" | "pending_approval" | "processing" | "issued" | "rejected";
export type OrganisationState = "pending" | "verified" | "rejected";
export type RevocationReason =
  "unspecified" | "keyCompromise" | "affiliationChanged" | "superseded" | "cessationOfOperation";

export type Organisation = {
  name: string;
  country: string;
  locality?: string;
  region?: string;
  registrationNumber?: string;
};

export type Challenge = {
  /** The authorization domain name: a wildcard's base, otherwise the name itself. */
  name: string;
  method: DcvMethod;
  state: ChallengeState;
  token: string;
  dnsRecordName?: string;
  dnsRecordValue?: string;
  httpPath?: string;
  httpBody?: string;
  emailAddress?: string;
  error?: string;
  validatedAt?: string;
};

export type CertificateRecord = {
  serialNumber: string;
  orderId: string;
  certificatePem: string;
  names: string[];
  notBefore: string;
  notAfter: string;
  spkiSha256: string;
  revokedAt?: string;
  revocationReason?: RevocationReason;
};

export type Order = {
  id: string;
  externalId: string;
  product: string;
  level: Level;
  names: string[];
  csrPem: string;
  dcvMethod: DcvMethod;
  dcvEmail?: Record<string, string>;
  organisation?: Organisation;
  organisationState?: OrganisationState;
  validityDays: number;
  state: OrderState;
  challenges: Challenge[];
  rejectionReason?: string;
  /** Serial numbers, oldest first; the last is the current certificate. */
  serials: string[];
  createdAt: string;
  updatedAt: string;
};

export type OutboxMail = { to: string; subject: string; body: string; approvalToken: string; sentAt: string };

export type StandInState = {
  version: 1;
  orders: Record<string, Order>;
  certificates: Record<string, CertificateRecord>;
  /** When each authorization domain name was last validated, for reuse within the BR window. */
  validations: Record<string, string>;
  outbox: OutboxMail[];
  crlNumber: number;
};

export function emptyState(): StandInState {
  return { version: 1, orders: {}, certificates: {}, validations: {}, outbox: [], crlNumber: 1 };
}

export class StandInError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 422 | 429 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "StandInError";
  }
}
