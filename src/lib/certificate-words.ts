/**
 * Words for certificate statuses (issue 13), beside status-words.ts: a subscription's state, a
 * certificate's, a request's and a DCV challenge's, so no page prints an enum name. Typed against the
 * schema's enums, so a new state fails the type check until it has words.
 */
import type {
  BulkJobStatus,
  CertificateBulkOutcome,
  CertificateRequestState,
  CertificateSubscriptionState,
  IssuedCertificateStatus,
} from "@/generated/prisma/enums";
import type { StatusWords } from "./status-words";

export const SUBSCRIPTION_WORDS: Record<CertificateSubscriptionState, StatusWords> = {
  pending_dcv: { label: "Validating", tone: "blue", detail: "Waiting for domain control validation or the CA." },
  active: { label: "Active", tone: "green" },
  expired: { label: "Expired", tone: "slate" },
  revoked: { label: "Revoked", tone: "red" },
  failed: { label: "Refused by the CA", tone: "red", detail: "The order was refunded." },
};

export const CERTIFICATE_WORDS: Record<IssuedCertificateStatus, StatusWords> = {
  issued: { label: "Valid", tone: "green" },
  replaced: { label: "Replaced", tone: "slate", detail: "A newer certificate of the same term took over." },
  revoked: { label: "Revoked", tone: "red" },
  expired: { label: "Expired", tone: "slate" },
};

export const REQUEST_WORDS: Record<CertificateRequestState, StatusWords> = {
  new: { label: "Being placed", tone: "blue" },
  pending_dcv: { label: "Validating domain control", tone: "amber" },
  processing: { label: "Being signed", tone: "blue" },
  issued: { label: "Issued", tone: "green" },
  rejected: { label: "Refused", tone: "red" },
};

/** A bulk reissue's result for one certificate. */
export const BULK_OUTCOME_WORDS: Record<CertificateBulkOutcome, StatusWords> = {
  pending: { label: "Not yet", tone: "slate" },
  reissued: { label: "Reissued", tone: "green" },
  waiting: { label: "Waiting for the CA", tone: "amber" },
  failed: { label: "Failed", tone: "red" },
};

export const BULK_JOB_WORDS: Record<BulkJobStatus, StatusWords> = {
  queued: { label: "Queued", tone: "blue" },
  running: { label: "Running", tone: "blue" },
  completed: { label: "Finished", tone: "green" },
  failed: { label: "Stopped by an error", tone: "red" },
};

export const CHALLENGE_WORDS: Record<string, StatusWords> = {
  pending: { label: "Waiting for the record", tone: "amber" },
  processing: { label: "Being checked", tone: "blue" },
  valid: { label: "Validated", tone: "green" },
  invalid: { label: "Failed", tone: "red" },
};

export const PURPOSE_WORDS: Record<string, string> = {
  issue: "First certificate",
  reissue: "Reissue",
  replacement: "Replacement within the term",
};

export const DCV_METHOD_WORDS: Record<string, string> = {
  "dns-txt": "DNS TXT record",
  "http-file": "HTTP file",
  email: "Email to a constructed address",
};

export const REVOCATION_REASONS = [
  { value: "unspecified", label: "No particular reason" },
  { value: "keyCompromise", label: "The private key was exposed" },
  { value: "affiliationChanged", label: "The name or organisation changed" },
  { value: "superseded", label: "Replaced by another certificate" },
  { value: "cessationOfOperation", label: "The site no longer exists" },
] as const;

export function revocationReasonWords(reason: string | null): string {
  return REVOCATION_REASONS.find((r) => r.value === reason)?.label ?? "Revoked";
}
