/**
 * How each server action and route handler that no case in ./cases/ calls through `.run` is kept
 * within its tenant. `coverage.test.ts` fails when an action or route exists that is neither called
 * by a case nor listed here, and when an entry here names nothing that exists.
 * - `service: "<case name>"`: the case calls the service this action hands its input to unchanged.
 * - `session`: the input names no object, or only its own tenant's; the tenant comes from the session.
 * - `public`: no session; why it cannot reach another tenant's data.
 * - `registrar`: registrar-wide by design; `registrar-writes-refused-to-auditors.test.ts` runs it as
 *   an auditor and as reseller staff.
 */
export type Coverage = { service: string } | { session: string } | { public: string } | { registrar: true };

const SESSION_SCOPED =
  "the action passes ctx.resellerId (or the signed-in account) itself; its input carries no other tenant's id";
const REGISTRAR = { registrar: true } as const;

export const ACTION_COVERAGE: Record<string, Coverage> = {
  // Console: own account and sign-in.
  "(console)/(auth)/actions.ts#signInToConsole": {
    public:
      "credentials identify one account; registrants cannot use it (case: a registrant cannot use a console staff action)",
  },
  "(console)/(auth)/actions.ts#requestConsolePasswordReset": {
    public: "mails only the address given; the link goes to its mailbox (security finding 01)",
  },
  "(console)/(auth)/actions.ts#resetConsolePassword": { public: "acts only for the holder of a mailed token" },
  "(console)/(auth)/actions.ts#acceptConsoleInvitation": {
    public: "acts only for the holder of a mailed invitation token",
  },
  "(console)/apply/actions.ts#submitApplication": { public: "creates a new application; reads nothing" },
  "(console)/(auth)/account/actions.ts#changeRegistrarStaffPassword": { session: SESSION_SCOPED },
  "(console)/(auth)/account/actions.ts#enableRegistrarStaffTwoFactor": {
    session:
      "acts on the signed-in account's own pending secret; the reseller-staff twin has cases in cases/second-factor.ts",
  },
  "(console)/(auth)/account/actions.ts#confirmResellerStaffIdentity": {
    session:
      "checks the signed-in account's own password and code and refreshes only the session it runs under (issue-09-reauthentication.test.ts)",
  },
  "(console)/(auth)/account/actions.ts#confirmRegistrarStaffIdentity": {
    session:
      "checks the signed-in account's own password and code and refreshes only the session it runs under (issue-09-reauthentication.test.ts)",
  },
  "(storefront)/[host]/(auth)/actions.ts#verifyStorefrontSignInCode": {
    public:
      "opens only a challenge signed for this storefront's host by the password step; the account is the one it names (issue-09-registrant-second-factor.test.ts)",
  },
  "(storefront)/[host]/account/actions.ts#enableRegistrantTwoFactor": {
    session: "acts on the signed-in registrant's own pending secret (issue-09-registrant-second-factor.test.ts)",
  },
  "(storefront)/[host]/account/actions.ts#disableRegistrantTwoFactor": {
    session: "acts on the signed-in registrant only, after its own password and code",
  },
  "(console)/(auth)/actions.ts#startConsoleSignInPasskey": {
    public:
      "answers only for the account the password step's signed challenge cookie names (issue-09-passkeys.test.ts)",
  },
  "(console)/(auth)/actions.ts#verifyConsoleSignInPasskey": {
    public:
      "accepts only a passkey of the account the challenge cookie names, made on this host (issue-09-passkeys.test.ts)",
  },
  ...Object.fromEntries(
    ["Reseller", "Registrar"].flatMap((who) =>
      ["start", "add", "rename", "remove"].map((verb) => [
        `(console)/(auth)/account/actions.ts#${verb}${who}StaffPasskey`,
        {
          session:
            "acts on the signed-in account's own passkeys; another account's passkey id is not found (issue-09-passkeys.test.ts)",
        },
      ]),
    ),
  ),
  ...Object.fromEntries(
    ["Reseller", "Registrar"].flatMap((who) =>
      [`start${who}StaffConfirmPasskey`, `confirm${who}StaffIdentityWithPasskey`].map((name) => [
        `(console)/(auth)/account/actions.ts#${name}`,
        {
          session:
            "checks the signed-in account's own password and passkey and refreshes only the session it runs under (issue-09-passkey-confirm.test.ts)",
        },
      ]),
    ),
  ),
  // Registrants' passkeys (decision 120).
  "(storefront)/[host]/(auth)/actions.ts#startStorefrontSignInPasskey": {
    public:
      "answers only for the registrant the password step's challenge cookie names, signed for this storefront's host and reseller (issue-09-registrant-passkeys.test.ts)",
  },
  "(storefront)/[host]/(auth)/actions.ts#verifyStorefrontSignInPasskey": {
    public:
      "accepts only a passkey of that registrant, of this storefront's reseller, made on this host; another storefront's passkey is refused (issue-09-registrant-passkeys.test.ts)",
  },
  ...Object.fromEntries(
    ["startRegistrantPasskey", "addRegistrantPasskey", "renameRegistrantPasskey", "removeRegistrantPasskey"].map(
      (name) => [
        `(storefront)/[host]/account/actions.ts#${name}`,
        {
          session:
            "acts on the signed-in registrant's own passkeys; another registrant's passkey id is not found (issue-09-registrant-passkeys.test.ts)",
        },
      ],
    ),
  ),
  ...Object.fromEntries(
    ["confirmRegistrantIdentityAction", "startRegistrantConfirmPasskey", "confirmRegistrantIdentityWithPasskey"].map(
      (name) => [
        `(storefront)/[host]/account/actions.ts#${name}`,
        {
          session:
            "checks the signed-in registrant's own password and code or passkey and refreshes only the session it runs under (issue-09-registrant-passkeys.test.ts)",
        },
      ],
    ),
  ),
  "(console)/(auth)/account/actions.ts#disableRegistrarStaffTwoFactor": {
    session:
      "acts on the signed-in account only, after its own password and code; the reseller-staff twin has cases in cases/second-factor.ts",
  },
  // Console: the reseller's own settings.
  "(console)/console/billing/actions.ts#topUp": { service: "A's owner cannot start a top-up of B's balance" },
  "(console)/console/billing/actions.ts#saveThreshold": { session: SESSION_SCOPED },
  "(console)/console/branding/actions.ts#saveBranding": { service: "A's owner cannot read or change B's branding" },
  "(console)/console/branding/actions.ts#saveLogo": { service: "A's owner cannot upload a logo for B" },
  "(console)/console/branding/actions.ts#deleteLogo": { session: SESSION_SCOPED },
  "(console)/console/bulk/actions.ts#startBulkJob": {
    session:
      "names are matched against the reseller's own domains; another's become failed items (tests/integration/domains/bulk)",
  },
  "(console)/console/api-keys/actions.ts#createApiKeyAction": { session: SESSION_SCOPED },
  "(console)/console/webhooks/actions.ts#createWebhookEndpointAction": { session: SESSION_SCOPED },
  "(console)/console/api-keys/sandbox-actions.ts#resetSandboxAction": {
    session:
      "empties only the sandbox SandboxTenant pairs with ctx.resellerId; its input is empty (tests/integration/sandbox/sandbox-sweep-and-reset.test.ts)",
  },
  "(console)/console/host-names/actions.ts#addHost": { service: "A's owner cannot add a host name to B's storefront" },
  "(console)/console/prices/actions.ts#saveMarkup": { session: SESSION_SCOPED },
  "(console)/console/prices/actions.ts#saveOverride": { session: SESSION_SCOPED },
  "(console)/console/prices/actions.ts#addPromotion": { session: SESSION_SCOPED },
  "(console)/console/staff/actions.ts#inviteStaff": { service: "A's owner cannot invite staff into B's console" },
  // Registrar console.
  "(registrar)/registrar/_lib/registrar-actions.ts#approveApplication": REGISTRAR,
  "(registrar)/registrar/_lib/registrar-actions.ts#declineApplication": REGISTRAR,
  "(registrar)/registrar/_lib/registrar-actions.ts#reactivate": REGISTRAR,
  "(registrar)/registrar/_lib/registrar-actions.ts#setLocalDns": REGISTRAR,
  "(registrar)/registrar/_lib/registrar-actions.ts#removeLocalDns": REGISTRAR,
  "(registrar)/registrar/_lib/registrar-actions.ts#inviteRegistrarStaff": REGISTRAR,
  "(registrar)/registrar/_lib/registrar-actions.ts#changeRegistrarRole": REGISTRAR,
  "(registrar)/registrar/_lib/registrar-actions.ts#removeRegistrarStaff": REGISTRAR,
  "(registrar)/registrar/_lib/registrar-actions.ts#withdrawRegistrarInvitation": REGISTRAR,
  "(registrar)/registrar/audit/actions.ts#verifyChain": REGISTRAR,
  "(registrar)/registrar/billing/actions.ts#adjust": REGISTRAR,
  "(registrar)/registrar/billing/actions.ts#saveCreditLimit": REGISTRAR,
  "(registrar)/registrar/reconciliation/actions.ts#runReconciliationNow": REGISTRAR,
  // Registrar admins decide any reseller's parked items by design; the reseller-console twins have cases in cases/parked-items.ts.
  "(registrar)/registrar/needs-attention/actions.ts#retryParkedAsRegistrar": REGISTRAR,
  "(registrar)/registrar/needs-attention/actions.ts#resolveParkedAsRegistrar": REGISTRAR,
  "(registrar)/registrar/abuse/actions.ts#actOnAbuseReportAsRegistrar": REGISTRAR,
  "(registrar)/registrar/agreements/actions.ts#publishResellerAgreement": REGISTRAR,
  "(registrar)/registrar/certificates/actions.ts#startRegistrarBulkReissue": REGISTRAR,
  // Incidents (issue 14, status page): platform-wide, no tenant's object; tests/integration/status.
  "(registrar)/registrar/incidents/actions.ts#openIncidentAsRegistrar": REGISTRAR,
  "(registrar)/registrar/incidents/actions.ts#postIncidentUpdateAsRegistrar": REGISTRAR,
  "(registrar)/registrar/incidents/actions.ts#resolveIncidentAsRegistrar": REGISTRAR,
  "(registrar)/registrar/incidents/actions.ts#saveIncidentDraftAsRegistrar": REGISTRAR,
  "(registrar)/registrar/incidents/actions.ts#publishIncidentDraftAsRegistrar": REGISTRAR,
  "(registrar)/registrar/incidents/actions.ts#discardIncidentDraftAsRegistrar": REGISTRAR,
  "(registrar)/registrar/health/actions.ts#setHealthThreshold": REGISTRAR,
  "(registrar)/registrar/health/actions.ts#clearHealthThresholdOverride": REGISTRAR,
  "(registrar)/registrar/health/actions.ts#acknowledgeHealthFinding": REGISTRAR,
  // Runs the daily evaluation at once for one reseller or all: registrar-wide by design (decision 128).
  "(registrar)/registrar/health/actions.ts#evaluateHealthNowAsRegistrar": REGISTRAR,
  "(console)/console/agreement/actions.ts#acceptResellerAgreement": {
    session:
      "records the acceptance for ctx.resellerId; the version id names the registrar's one agreement in force, not a tenant's object (tests/integration/reseller-agreements)",
  },
  "(registrar)/registrar/abuse/actions.ts#closeAbuseReportAsRegistrar": REGISTRAR,
  "(console)/abuse/actions.ts#reportAbuseToRegistrar": {
    public: "creates a report and mails a receipt to the address given; reads nothing back (tests/integration/abuse)",
  },
  "(storefront)/[host]/abuse/actions.ts#reportAbuseOnStorefront": {
    public: "creates a report and mails a receipt to the address given; reads nothing back (tests/integration/abuse)",
  },
  "(registrar)/registrar/data-requests/actions.ts#decideDataRequestAsRegistrar": REGISTRAR,
  "(registrar)/registrar/privacy-reveals/actions.ts#decideRevealRequestAsRegistrar": REGISTRAR,
  "(console)/privacy-reveal/actions.ts#requestPrivacyReveal": {
    public:
      "creates a request and mails a receipt to the address given and a notice to the registrant; answers only whether the name is behind the privacy service, which RDAP shows anyway (tests/integration/privacy-proxy)",
  },
  "(console)/data-request/actions.ts#requestDisclosure": {
    public: "creates a request and mails a confirmation link to the address given; reads nothing back",
  },
  "(storefront)/[host]/data-request/actions.ts#requestOwnData": { session: SESSION_SCOPED },
  "(storefront)/[host]/data-request/actions.ts#requestDataByMail": {
    public:
      "answers alike for every address and mails a confirmation link to the address given, at this storefront only",
  },
  "(storefront)/[host]/data-request/actions.ts#confirmDataRequestAction": {
    public: "acts only for the holder of a mailed token",
  },
  "(registrar)/registrar/tiers/actions.ts#addTier": REGISTRAR,
  "(registrar)/registrar/tiers/actions.ts#editTier": REGISTRAR,
  "(registrar)/registrar/tiers/actions.ts#saveTierPrices": REGISTRAR,
  "(registrar)/registrar/tiers/actions.ts#moveReseller": REGISTRAR,
  // Storefront.
  "(storefront)/[host]/(auth)/actions.ts#registerOnStorefront": {
    public: "answers alike for every email and mails a link to the address given, at this storefront only",
  },
  "(storefront)/[host]/(auth)/actions.ts#finishStorefrontRegistration": {
    public: "acts only for the holder of a mailed token",
  },
  "(storefront)/[host]/cart/actions.ts#addToCartAction": {
    public: "the cart is this browser's cookie, bound to the storefront host",
  },
  "(storefront)/[host]/cart/actions.ts#addManyToCartAction": {
    public: "the cart is this browser's cookie, bound to the storefront host",
  },
  "(storefront)/[host]/cart/actions.ts#updateCartAction": {
    public: "the cart is this browser's cookie, bound to the storefront host",
  },
  "(storefront)/[host]/cart/actions.ts#removeFromCartAction": {
    public: "the cart is this browser's cookie, bound to the storefront host",
  },
  "(storefront)/[host]/checkout/actions.ts#placeOrderAction": {
    service: "A's registrant cannot place an order at B's store",
  },
  "(storefront)/[host]/orders/[orderId]/actions.ts#payOrder": {
    service: "A's registrant cannot open checkout for B's order",
  },
  "(storefront)/[host]/registrant-change/[id]/actions.ts#answerRegistrantChangeAction": {
    service: "reseller A's storefront cannot show or answer a change of registrant of reseller B, even with its link",
  },
  "(storefront)/[host]/verify-email/[token]/actions.ts#confirmEmailVerificationAction": {
    service: "reseller A's storefront cannot show or confirm a verification link of reseller B",
  },
  "(storefront)/[host]/account/domains/[id]/_components/verification-actions.ts#resendOwnVerification": {
    service: "registrant X cannot send a verification link for registrant Y's domain at the same reseller",
  },
  "(console)/console/domains/[id]/_components/verification-actions.ts#resendVerificationAction": {
    service: "reseller A's owner cannot send a verification link for reseller B's domain",
  },
  // Trademarks and sunrise (issue 12): cases/launch.ts.
  "(storefront)/[host]/account/marks/actions.ts#recordOwnMark": { session: SESSION_SCOPED },
  "(storefront)/[host]/account/sunrise/actions.ts#applyOwnSunrise": {
    service: "A's registrant cannot apply in sunrise with a mark of B's registrant",
  },
  "(storefront)/[host]/account/landrush/actions.ts#applyOwnLandrush": {
    service: "A's registrant cannot apply in landrush at B's store",
  },
  // Pre-orders and launch interest (issue 12): cases/preorders.ts.
  "(storefront)/[host]/account/preorders/actions.ts#placeOwnPreorder": {
    service: "A's registrant cannot pre-order at B's store",
  },
  "(storefront)/[host]/account/preorders/actions.ts#followOwnLaunch": {
    service: "A's registrant cannot follow a launch at B's store",
  },
  "(storefront)/[host]/notify-me/actions.ts#followLaunchByMail": {
    public: "records an interest at the storefront of the request's host only, and reads nothing back",
  },
  // Certificates (issue 13): cases/ssl-certificates.ts.
  "(storefront)/[host]/certificates/actions.ts#buyCertificate": { session: SESSION_SCOPED },
  "(storefront)/[host]/account/certificates/actions.ts#reissueOwnCertificate": {
    service: "registrant X cannot reissue registrant Y's certificate at the same reseller",
  },
  "(storefront)/[host]/certificate-key/actions.ts#reissueWithCertificateKeyLink": {
    public:
      "opens only the certificate a signed, unexpired, unused token names, on its own reseller's storefront (ssl/key-link-reissue.test.ts)",
  },
  "(storefront)/[host]/account/certificates/actions.ts#revokeOwnCertificate": {
    service: "registrant X cannot revoke registrant Y's certificate at the same reseller",
  },
  "(storefront)/[host]/account/certificates/actions.ts#checkOwnCertificateNow": {
    service: "reseller A's owner cannot ask the CA about reseller B's certificate request",
  },
  "(console)/console/certificates/actions.ts#revokeCustomerCertificate": {
    service: "reseller A's owner cannot revoke reseller B's certificate",
  },
  "(console)/console/certificates/actions.ts#bulkReissueAction": {
    service: "reseller A's owner cannot start a bulk reissue job on reseller B's certificates",
  },
  "(console)/console/certificates/actions.ts#checkCustomerCertificateNow": {
    service: "reseller A's owner cannot ask the CA about reseller B's certificate request",
  },
};

/** Route handlers, by file under src/app and method. */
export const ROUTE_COVERAGE: Record<string, Coverage> = {
  "(console)/console/billing/statement/export/route.ts GET": { service: "A's owner cannot read B's statement" },
  "(console)/console/marketing/files/[name]/route.ts GET": {
    service: "reseller A's staff cannot download reseller B's marketing kit",
  },
  "api/auth/sign-out/route.ts POST": { session: "ends the caller's own session only" },
  "api/branding/[resellerId]/logo/route.ts GET": { public: "a storefront's logo is public by nature" },
  "api/storefront/orders/[orderId]/route.ts GET": {
    service: "A's registrant cannot watch the progress of B's registrant's order",
  },
  "api/storefront/own-domains/route.ts GET": {
    session:
      "answers only a request the proxy handed over, with the list of the session's own registrant, resolved as the page resolves it; entries are keyed by that registrant (tests/integration/cache/own-domains-page.test.ts)",
  },
  "api/storefront/bulk-search/route.ts POST": { service: "A's registrant cannot search with B's store and prices" },
  "api/data-export/route.ts GET": {
    session:
      "a registrant gets only their own export; registrar staff any; reseller staff nothing (tests/integration/data-requests)",
  },
  "api/health/route.ts GET": { public: "answers ok; reads no tenant data" },
  // Registrar staff only: reseller staff are sent to their console, the service refuses them (tests/integration/reseller-health).
  "(registrar)/registrar/resellers/[id]/health/report.csv/route.ts GET": REGISTRAR,
  "(registrar)/registrar/resellers/[id]/health/report.pdf/route.ts GET": REGISTRAR,
  "rdap/[[...path]]/route.ts GET": {
    public:
      "public registration data, redacted for anonymous callers; a registrant sees only their own names in full (tests/integration/rdap)",
  },
  "rdap/[[...path]]/route.ts HEAD": { public: "the GET answer without its body" },
  "rdap/[[...path]]/route.ts OPTIONS": { public: "CORS preflight; reads nothing" },
  "api/webhooks/stripe/route.ts POST": { public: "only Stripe-signed events; each names the payment it settles" },
  "api/console/bulk/[id]/route.ts GET": { service: "reseller A's owner cannot read reseller B's bulk job" },
  "api/console/domains/export/route.ts GET": { session: SESSION_SCOPED },
  "api/certificates/[id]/route.ts GET": { service: "A's registrant cannot download B's registrant's certificate" },
  "api/v1/[...path]/route.ts GET": { service: "A's API key cannot read B's order" },
  "api/v1/[...path]/route.ts POST": { service: "A's API key cannot read B's order" },
  "api/v1/[...path]/route.ts PUT": { service: "A's API key cannot read B's order" },
  "api/v1/[...path]/route.ts DELETE": { service: "A's API key cannot read B's order" },
};
