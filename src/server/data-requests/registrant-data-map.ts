/**
 * Every model that holds rows about a registrant, and how the export and the erasure treat it. A unit
 * test walks prisma/schema and fails when a model that links to a registrant (directly, or through
 * its contacts, domains, orders, order items or certificates) is missing here, so a new capability
 * has to decide. `export` is the key the model's rows have in the export; `retain` says what the
 * erasure keeps and why (RAA 3.4 and the Data Retention Specification; decision 099).
 */
export type DataRule =
  { export: string; erase: "delete" | "anonymise" | "retain"; why?: string } | { excluded: string };

export const REGISTRANT_DATA_MAP: Record<string, DataRule> = {
  Registrant: { export: "account", erase: "anonymise", why: "the row ties retained orders and domains together" },
  Session: { export: "sessions", erase: "delete" },
  // Second factors: when each was set up and used, never the secret or a code's hash (credentials).
  RegistrantTotp: { export: "secondFactor", erase: "delete" },
  RegistrantRecoveryCode: { export: "recoveryCodes", erase: "delete" },
  // Passkeys: name, host and when added and last used; never the credential id, public key or counter.
  RegistrantPasskey: { export: "passkeys", erase: "delete" },
  RegistrantWebAuthnChallenge: {
    excluded:
      "a random challenge of a passkey ceremony, gone once answered or after five minutes (the erasure deletes any left)",
  },
  PasswordResetToken: { export: "passwordResets", erase: "delete" },
  // Launches they asked to hear about (decision 124): theirs by account or by their address.
  LaunchInterest: { export: "launchInterests", erase: "delete" },
  Contact: {
    export: "contacts",
    erase: "retain",
    why: "a contact used by a domain is registration data kept two years after sponsorship ends (RAA 3.4.1.1); unused contacts are deleted",
  },
  ContactHandle: { export: "contactHandles", erase: "retain", why: "follows its contact" },
  ContactVerification: { export: "contactVerifications", erase: "retain", why: "WAPS records follow the contact" },
  ContactVerificationToken: {
    export: "contactVerificationLinks",
    erase: "retain",
    why: "WAPS evidence of the affirmative response (RAA Whois Accuracy Program)",
  },
  WapsHold: { export: "wapsHolds", erase: "retain", why: "WAPS suspension records" },
  Domain: { export: "domains", erase: "retain", why: "registration data (RAA 3.3.1, 3.4.1.1)" },
  Host: { export: "hosts", erase: "retain", why: "follows its domain" },
  DomainOperation: {
    export: "registryOperations",
    erase: "retain",
    why: "records of registry transactions (RAA 3.4.1.5: kept 180 days at least, here two years)",
  },
  DomainLifecycle: { export: "domainLifecycle", erase: "retain", why: "follows its domain" },
  RenewalNotice: { export: "renewalNotices", erase: "retain", why: "ERRP notices sent, proof of notice" },
  RegistrantChange: {
    export: "registrantChanges",
    erase: "retain",
    why: "Transfer Policy change-of-registrant records",
  },
  DriftFinding: {
    excluded: "registrar-internal reconciliation between our records and the registry's; no personal data",
  },
  BulkJobItem: { excluded: "a reseller's staff bulk job over domain names; no registrant data" },
  Order: { export: "orders", erase: "retain", why: "commercial and tax records (RAA 3.4.1.5 and accounting law)" },
  OrderItem: { export: "orderItems", erase: "retain", why: "follows its order" },
  OrderItemTransition: { export: "orderItemHistory", erase: "retain", why: "follows its order" },
  OrderNotice: { excluded: "only which order mail was sent; the mails themselves are exported" },
  Payment: { export: "payments", erase: "retain", why: "payment records (accounting law)" },
  FulfilmentRun: { excluded: "the order engine's internal progress; no personal data" },
  FulfilmentAttempt: { excluded: "the order engine's internal attempts; the registry commands are exported" },
  Hold: { excluded: "the reseller's own funds held for an order item" },
  JournalEntry: { excluded: "the reseller's ledger; amounts are in the exported orders" },
  OutboxMail: { export: "mails", erase: "retain", why: "notices the RAA requires us to prove we sent" },
  AuditEntry: { export: "auditTrail", erase: "retain", why: "the audit log is append-only by design" },
  AbuseReport: {
    export: "abuseReports",
    erase: "retain",
    why: "abuse records kept for ICANN (RAA 3.18.3); exported without the reporter",
  },
  AbuseHold: { export: "abuseHolds", erase: "retain", why: "follows its abuse report" },
  AbuseAction: { excluded: "steps taken on an abuse report; exported reports carry their outcome" },
  DataRequest: { export: "dataRequests", erase: "retain", why: "proof that the request was handled" },
  CertificateSubscription: { export: "certificates", erase: "retain", why: "commercial records" },
  CertificateRequest: { export: "certificateRequests", erase: "retain", why: "follows its certificate" },
  IssuedCertificate: { export: "issuedCertificates", erase: "retain", why: "public certificates (CT logs)" },
  RevealRequest: {
    excluded:
      "a third party's request to reveal the customer behind the privacy service: it holds the requester's data, which the export must not carry; the registrant is mailed each request and its outcome",
  },
  ComplianceEscalation: {
    excluded:
      "which abuse-report or reveal-request clock ran out and when (decision 127); the report or request it names is mapped above",
  },
  PrivacyProxyDomain: {
    excluded:
      "the proxy service's own relay address for a domain, published in RDAP; the domain's privacy flag is exported",
  },
  TmchMark: { export: "trademarks", erase: "retain", why: "TMCH records of a mark the registrant recorded" },
};
