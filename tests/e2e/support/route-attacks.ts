/**
 * Every route handler under src/app, attacked over real HTTP with real sessions by
 * tests/e2e/route-isolation.spec.ts: as the wrong tenant, the wrong registrant of the same storefront,
 * a session carried to another host, and nobody. Keys are "file METHOD" as in the isolation suite's
 * coverage list; tests/unit/security/route-isolation-coverage.test.ts fails when a route.ts exports a
 * method that has no entry here, so a new route cannot ship unattacked.
 *
 * Pure data and checks (no Playwright, no server modules), so the unit test can read it.
 */

/** The signed-in browsers of the spec, plus nobody. `janeSpare` is a second session of Jane's, spent on sign-out. */
export type Actor = "anonymous" | "acmeOwner" | "nimbusOwner" | "jane" | "janeSpare" | "mallory" | "sam";
/** Where a request is sent: the console host, a storefront's host, or a host no storefront owns. */
export type Where = "console" | "acme" | "nimbus" | "nowhere";

/** Objects made before the attacks (tests/e2e/support/route-isolation-world.mts). */
export type World = {
  acmeResellerId: string;
  nimbusResellerId: string;
  /** A bulk job of Acme's. */
  acmeBulkJobId: string;
  /** An order Jane placed on Acme's storefront, and the name it is for. */
  janeOrderId: string;
  janeOrderName: string;
  janeRegistrantId: string;
  /** A domain of Jane's at Acme; its registrant contact is "Jane Doe". */
  janeDomain: string;
  acmeApiKey: string;
  nimbusApiKey: string;
};

export type Call = {
  as: Actor;
  at: Where;
  method: "GET" | "HEAD" | "POST" | "PUT" | "DELETE" | "OPTIONS";
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

export type Answer = { status: number; location: string | null; body: string };
/** null when the answer is as expected, else what is wrong with it. */
export type Check = (answer: Answer, w: World) => string | null;
export type Step = { call: (w: World) => Call; check: Check };
/** A named sequence of requests; most are one step. */
export type Probe = { name: string; steps: Step[] };
/** What each attack must be refused, and (where the route has a rightful caller) that caller's success, which shows the attacked object exists. */
export type RouteAttacks = { attacks: Probe[]; control?: Probe };

const short = (a: Answer) => `${a.status} ${a.location ?? ""} ${a.body.slice(0, 200)}`;

export const status =
  (...codes: number[]): Check =>
  (a) =>
    codes.includes(a.status) ? null : `expected ${codes.join(" or ")}, got ${short(a)}`;

/** A redirect to the area's sign-in page, what a console page-area route answers nobody. */
export const toSignIn: Check = (a) =>
  [303, 307, 308].includes(a.status) && a.location?.includes("/sign-in")
    ? null
    : `expected sign-in redirect, got ${short(a)}`;

/** Answers `code` and its body does not hold `secret`: the route is open to this caller, the object is not. */
export const withheld =
  (code: number, secret: (w: World) => string): Check =>
  (a, w) =>
    a.status !== code ? `expected ${code}, got ${short(a)}` : a.body.includes(secret(w)) ? `leaked ${secret(w)}` : null;

export const holds =
  (code: number, text: (w: World) => string): Check =>
  (a, w) =>
    a.status !== code ? `expected ${code}, got ${short(a)}` : a.body.includes(text(w)) ? null : `missing ${text(w)}`;

export const probe = (name: string, call: (w: World) => Call, check: Check): Probe => ({
  name,
  steps: [{ call, check }],
});

const get = (as: Actor, at: Where, path: string, headers?: Record<string, string>): Call => ({
  as,
  at,
  method: "GET",
  path,
  headers,
});
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

const STATEMENT = "/console/billing/statement/export";
const MARKETING_KIT = "/console/marketing/files/marketing-kit.zip";
const ACME_BRAND = () => "Acme Domains";
const bulkJob = (w: World) => `/api/console/bulk/${w.acmeBulkJobId}`;
const OWN_DOMAINS_HANDLER = "/api/storefront/own-domains";
/** What a browser's document load sends: the page caches answer only these (decision 145). */
const NAVIGATION = { accept: "text/html,application/xhtml+xml,*/*;q=0.8", "sec-fetch-dest": "document" };
const orderStatus = (w: World) => `/api/storefront/orders/${w.janeOrderId}`;
const v1Domain = (w: World, rest = "") => `/api/v1/domains/${encodeURIComponent(w.janeDomain)}${rest}`;
const rdapDomain = (w: World) => `/rdap/domain/${w.janeDomain}`;
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";
const complianceReport = (w: World, ext: "csv" | "pdf") =>
  `/registrar/resellers/${w.acmeResellerId}/health/report.${ext}`;
/** Reseller staff on a registrar page are sent to their own console, never shown it. */
const toConsole: Check = (a) =>
  [303, 307, 308].includes(a.status) && a.location !== null && new URL(a.location, "http://x").pathname === "/console"
    ? null
    : `expected a redirect to /console, got ${short(a)}`;
/** The registrar's compliance report of Acme, attacked as everyone but registrar staff (decision 115). */
const complianceReportAttacks = (ext: "csv" | "pdf"): RouteAttacks => ({
  attacks: [
    probe("nobody is sent to sign in", (w) => get("anonymous", "console", complianceReport(w, ext)), toSignIn),
    probe(
      "Acme's own owner is sent to the console",
      (w) => get("acmeOwner", "console", complianceReport(w, ext)),
      toConsole,
    ),
    probe(
      "Nimbus's owner is sent to the console",
      (w) => get("nimbusOwner", "console", complianceReport(w, ext)),
      toConsole,
    ),
    probe(
      "a registrant's session carried to the console host is no session",
      (w) => get("jane", "console", complianceReport(w, ext)),
      toSignIn,
    ),
    probe(
      "the registrar path on a storefront host is no route",
      (w) => get("acmeOwner", "acme", complianceReport(w, ext)),
      status(404),
    ),
  ],
});
const JANE_EMAIL = () => "jane@example.com";
const JANE_NAME = () => "Jane Doe";

export const ROUTE_ATTACKS: Record<string, RouteAttacks> = {
  "(registrar)/registrar/resellers/[id]/health/report.csv/route.ts GET": complianceReportAttacks("csv"),
  "(registrar)/registrar/resellers/[id]/health/report.pdf/route.ts GET": complianceReportAttacks("pdf"),
  "(console)/console/billing/statement/export/route.ts GET": {
    attacks: [
      probe("nobody is sent to sign in", () => get("anonymous", "console", STATEMENT), toSignIn),
      probe(
        "a registrant's session carried to the console host is no session",
        () => get("jane", "console", STATEMENT),
        toSignIn,
      ),
      probe(
        "the console path on a storefront host is no route",
        () => get("acmeOwner", "acme", STATEMENT),
        status(404),
      ),
    ],
    control: probe(
      "Acme's owner downloads Acme's statement",
      () => get("acmeOwner", "console", STATEMENT),
      status(200),
    ),
  },
  "(console)/console/marketing/files/[name]/route.ts GET": {
    attacks: [
      probe(
        "Nimbus's owner's kit holds nothing of Acme's",
        () => get("nimbusOwner", "console", MARKETING_KIT),
        withheld(200, ACME_BRAND),
      ),
      probe("nobody is sent to sign in", () => get("anonymous", "console", MARKETING_KIT), toSignIn),
      probe(
        "a registrant's session carried to the console host is no session",
        () => get("jane", "console", MARKETING_KIT),
        toSignIn,
      ),
      probe(
        "the console path on a storefront host is no route",
        () => get("acmeOwner", "acme", MARKETING_KIT),
        status(404),
      ),
      probe(
        "a name that is no file of the kit",
        () => get("acmeOwner", "console", "/console/marketing/files/not-in-the-kit.txt"),
        status(404),
      ),
    ],
    control: probe(
      "Acme's owner's banner carries Acme's name",
      () => get("acmeOwner", "console", "/console/marketing/files/banner-300x250.svg"),
      holds(200, ACME_BRAND),
    ),
  },
  "api/auth/sign-out/route.ts POST": {
    attacks: [
      {
        name: "a sign-out posted from another site is refused and the session lives on",
        steps: [
          {
            call: () => ({
              as: "acmeOwner",
              at: "console",
              method: "POST",
              path: "/api/auth/sign-out",
              headers: { origin: "http://evil.example" },
            }),
            check: status(403),
          },
          { call: (w) => get("acmeOwner", "console", bulkJob(w)), check: status(200) },
        ],
      },
    ],
    control: {
      name: "Jane's spare session signs out: that token is dead at once, her other session lives",
      steps: [
        {
          call: () => ({
            as: "janeSpare",
            at: "acme",
            method: "POST",
            path: "/api/auth/sign-out",
          }),
          check: status(303),
        },
        { call: (w) => get("janeSpare", "acme", orderStatus(w)), check: status(401) },
        { call: (w) => get("jane", "acme", orderStatus(w)), check: status(200) },
      ],
    },
  },
  "api/branding/[resellerId]/logo/route.ts GET": {
    attacks: [
      probe(
        "a path that is not a reseller id",
        () => get("anonymous", "acme", "/api/branding/not-a-reseller/logo"),
        status(404),
      ),
      probe(
        "a reseller id that names no logo",
        () => get("anonymous", "acme", `/api/branding/${NO_SUCH_ID}/logo`),
        status(404),
      ),
    ],
  },
  "api/console/bulk/[id]/route.ts GET": {
    attacks: [
      probe("Nimbus's owner reads Acme's bulk job", (w) => get("nimbusOwner", "console", bulkJob(w)), status(404)),
      probe("nobody reads it", (w) => get("anonymous", "console", bulkJob(w)), status(401)),
      probe("Jane's session carried to the console host", (w) => get("jane", "console", bulkJob(w)), status(401)),
      probe("Jane on her own storefront's host", (w) => get("jane", "acme", bulkJob(w)), status(401)),
      probe(
        "Acme's owner's session carried to Acme's storefront host",
        (w) => get("acmeOwner", "acme", bulkJob(w)),
        status(401),
      ),
    ],
    control: probe("Acme's owner reads it", (w) => get("acmeOwner", "console", bulkJob(w)), status(200)),
  },
  // The world holds no certificate yet: only the gate before the service's tenant check is attacked here.
  "api/certificates/[id]/route.ts GET": {
    attacks: [
      probe("nobody downloads one", () => get("anonymous", "console", `/api/certificates/${NO_SUCH_ID}`), status(401)),
      probe(
        "a registrant's session carried to the console host",
        () => get("jane", "console", `/api/certificates/${NO_SUCH_ID}`),
        status(401),
      ),
      probe(
        "an id that names no certificate",
        () => get("acmeOwner", "console", `/api/certificates/${NO_SUCH_ID}`),
        status(404),
      ),
    ],
  },
  "api/console/domains/export/route.ts GET": {
    attacks: [
      probe(
        "Nimbus's owner's export holds none of Acme's names",
        () => get("nimbusOwner", "console", "/api/console/domains/export"),
        withheld(200, (w) => w.janeDomain),
      ),
      probe("nobody exports", () => get("anonymous", "console", "/api/console/domains/export"), status(401)),
      probe("a registrant exports", () => get("jane", "acme", "/api/console/domains/export"), status(401)),
      probe(
        "a registrant's session carried to the console host",
        () => get("jane", "console", "/api/console/domains/export"),
        status(401),
      ),
    ],
    control: probe(
      "Acme's owner's export holds Acme's names",
      () => get("acmeOwner", "console", "/api/console/domains/export"),
      holds(200, (w) => w.janeDomain),
    ),
  },
  "api/data-export/route.ts GET": {
    attacks: [
      probe(
        "Mallory asks for Jane's data by id and gets only her own",
        (w) => get("mallory", "acme", `/api/data-export?registrantId=${w.janeRegistrantId}`),
        withheld(200, JANE_EMAIL),
      ),
      probe(
        "reseller staff get no registrant's data",
        (w) => get("acmeOwner", "console", `/api/data-export?registrantId=${w.janeRegistrantId}`),
        status(401),
      ),
      probe(
        "nobody gets it",
        (w) => get("anonymous", "acme", `/api/data-export?registrantId=${w.janeRegistrantId}`),
        status(401),
      ),
      probe("Sam's session carried to Acme's host", () => get("sam", "acme", "/api/data-export"), status(401)),
    ],
    control: probe(
      "Jane downloads her own data",
      () => get("jane", "acme", "/api/data-export"),
      holds(200, JANE_EMAIL),
    ),
  },
  "api/health/route.ts GET": {
    attacks: [
      probe(
        "it tells nobody anything but liveness",
        () => get("anonymous", "nowhere", "/api/health"),
        (a) => (a.status === 200 && a.body === '{"ok":true}' ? null : `expected {"ok":true}, got ${short(a)}`),
      ),
    ],
  },
  "api/storefront/bulk-search/route.ts POST": {
    attacks: [
      probe(
        "on the console host there is no store to search",
        () => ({
          as: "acmeOwner",
          at: "console",
          method: "POST",
          path: "/api/storefront/bulk-search",
          ...json({ names: "a.com" }),
        }),
        status(404),
      ),
      probe(
        "on a host no storefront owns",
        () => ({
          as: "anonymous",
          at: "nowhere",
          method: "POST",
          path: "/api/storefront/bulk-search",
          ...json({ names: "a.com" }),
        }),
        status(404),
      ),
    ],
    control: probe(
      "a visitor searches Acme's store",
      () => ({
        as: "anonymous",
        at: "acme",
        method: "POST",
        path: "/api/storefront/bulk-search",
        ...json({ names: "route-isolation-probe.com" }),
      }),
      holds(200, () => '{"done":'),
    ),
  },
  // Decision 145: the signed-in list's handler, reached only through the proxy's handoff.
  "api/storefront/own-domains/route.ts GET": {
    attacks: [
      probe(
        "Jane calls the handler's address herself",
        () => get("jane", "acme", OWN_DOMAINS_HANDLER, NAVIGATION),
        status(404),
      ),
      probe(
        "Jane calls it with a made-up handoff",
        () =>
          get("jane", "acme", OWN_DOMAINS_HANDLER, {
            ...NAVIGATION,
            "x-storefront-page-handoff": "guess",
            "x-storefront-page-nonce": "abc",
          }),
        status(404),
      ),
      probe(
        "Mallory, on the same storefront, loads her own list",
        () => get("mallory", "acme", "/account/domains", NAVIGATION),
        withheld(200, (w) => w.janeDomain),
      ),
      probe("Sam's session carried to Acme's host", () => get("sam", "acme", "/account/domains", NAVIGATION), toSignIn),
      probe("nobody loads the list", () => get("anonymous", "acme", "/account/domains", NAVIGATION), toSignIn),
    ],
    control: probe(
      "Jane loads her list",
      () => get("jane", "acme", "/account/domains", NAVIGATION),
      holds(200, (w) => w.janeDomain),
    ),
  },
  "api/storefront/orders/[orderId]/route.ts GET": {
    attacks: [
      probe(
        "Mallory, on the same storefront, watches Jane's order",
        (w) => get("mallory", "acme", orderStatus(w)),
        status(404),
      ),
      probe("Sam, on Nimbus's storefront, watches it", (w) => get("sam", "nimbus", orderStatus(w)), status(404)),
      probe("Sam's session carried to Acme's host", (w) => get("sam", "acme", orderStatus(w)), status(401)),
      probe(
        "Acme's owner's console session on Acme's host",
        (w) => get("acmeOwner", "acme", orderStatus(w)),
        status(401),
      ),
      probe("nobody watches it", (w) => get("anonymous", "acme", orderStatus(w)), status(401)),
    ],
    control: probe(
      "Jane watches her order",
      (w) => get("jane", "acme", orderStatus(w)),
      holds(200, (w) => w.janeOrderName),
    ),
  },
  "api/v1/[...path]/route.ts GET": {
    attacks: [
      probe(
        "Nimbus's key reads Acme's domain",
        (w) => get("anonymous", "console", v1Domain(w), bearer(w.nimbusApiKey)),
        status(404),
      ),
      probe("no key", (w) => get("anonymous", "console", v1Domain(w)), status(401)),
      probe("a console session is no API key", (w) => get("acmeOwner", "console", v1Domain(w)), status(401)),
      probe(
        "the API on a storefront host",
        (w) => get("anonymous", "acme", v1Domain(w), bearer(w.acmeApiKey)),
        status(404),
      ),
    ],
    control: probe(
      "Acme's key reads it",
      (w) => get("anonymous", "console", v1Domain(w), bearer(w.acmeApiKey)),
      holds(200, (w) => w.janeDomain),
    ),
  },
  "api/v1/[...path]/route.ts POST": {
    attacks: [
      probe(
        "Nimbus's key renews Acme's domain",
        (w) => ({
          as: "anonymous",
          at: "console",
          method: "POST",
          path: v1Domain(w, "/renew"),
          ...json({ years: 1 }, { ...bearer(w.nimbusApiKey), "idempotency-key": "route-isolation-renew" }),
        }),
        status(404),
      ),
      probe(
        "no key",
        (w) => ({
          as: "anonymous",
          at: "console",
          method: "POST",
          path: v1Domain(w, "/renew"),
          ...json({ years: 1 }, { "idempotency-key": "route-isolation-renew-anonymous" }),
        }),
        status(401),
      ),
    ],
    control: probe(
      "Acme's key checks names",
      (w) => ({
        as: "anonymous",
        at: "console",
        method: "POST",
        path: "/api/v1/domains/check",
        ...json(
          { names: ["route-isolation-check.com"] },
          { ...bearer(w.acmeApiKey), "idempotency-key": "route-isolation-check" },
        ),
      }),
      holds(200, () => "route-isolation-check.com"),
    ),
  },
  "api/v1/[...path]/route.ts PUT": {
    attacks: [
      probe(
        "Nimbus's key turns on auto-renew of Acme's domain",
        (w) => ({
          as: "anonymous",
          at: "console",
          method: "PUT",
          path: v1Domain(w, "/auto-renew"),
          ...json({ enabled: true }, bearer(w.nimbusApiKey)),
        }),
        status(404),
      ),
      probe(
        "Nimbus's key replaces Acme's name servers",
        (w) => ({
          as: "anonymous",
          at: "console",
          method: "PUT",
          path: v1Domain(w, "/nameservers"),
          ...json(
            { nameservers: [{ host: "ns1.evil.example" }, { host: "ns2.evil.example" }] },
            bearer(w.nimbusApiKey),
          ),
        }),
        status(404),
      ),
    ],
    control: probe(
      "Acme's key turns on auto-renew of its domain",
      (w) => ({
        as: "anonymous",
        at: "console",
        method: "PUT",
        path: v1Domain(w, "/auto-renew"),
        ...json({ enabled: true }, bearer(w.acmeApiKey)),
      }),
      status(200),
    ),
  },
  "api/v1/[...path]/route.ts DELETE": {
    attacks: [
      probe(
        "Nimbus's key deletes Acme's domain",
        (w) => ({
          as: "anonymous",
          at: "console",
          method: "DELETE",
          path: v1Domain(w),
          headers: bearer(w.nimbusApiKey),
        }),
        status(404),
      ),
      probe("no key", (w) => ({ as: "anonymous", at: "console", method: "DELETE", path: v1Domain(w) }), status(401)),
    ],
  },
  "api/webhooks/stripe/route.ts POST": {
    attacks: [
      probe(
        "an unsigned event claiming a payment",
        () => ({
          as: "anonymous",
          at: "console",
          method: "POST",
          path: "/api/webhooks/stripe",
          ...json({ type: "checkout.session.completed", data: { object: { id: "cs_forged" } } }),
        }),
        status(400, 404),
      ),
      probe(
        "an event with a forged signature",
        () => ({
          as: "anonymous",
          at: "console",
          method: "POST",
          path: "/api/webhooks/stripe",
          ...json({ type: "checkout.session.completed" }, { "stripe-signature": "t=1,v1=00" }),
        }),
        status(400, 404),
      ),
    ],
  },
  "rdap/[[...path]]/route.ts GET": {
    attacks: [
      probe("nobody sees Jane's name", (w) => get("anonymous", "console", rdapDomain(w)), withheld(200, JANE_NAME)),
      probe(
        "Mallory, on the same storefront, sees it redacted",
        (w) => get("mallory", "acme", rdapDomain(w)),
        withheld(200, JANE_NAME),
      ),
      probe(
        "Jane's session carried to the console host",
        (w) => get("jane", "console", rdapDomain(w)),
        withheld(200, JANE_NAME),
      ),
      probe(
        "Acme's owner's console session",
        (w) => get("acmeOwner", "console", rdapDomain(w)),
        withheld(200, JANE_NAME),
      ),
    ],
    control: probe(
      "Jane sees her own contact in full",
      (w) => get("jane", "acme", rdapDomain(w)),
      holds(200, JANE_NAME),
    ),
  },
  "rdap/[[...path]]/route.ts HEAD": {
    attacks: [
      probe(
        "a HEAD carries no body to read",
        (w) => ({ as: "anonymous", at: "console", method: "HEAD", path: rdapDomain(w) }),
        (a) => (a.status === 200 && a.body === "" ? null : `expected an empty 200, got ${short(a)}`),
      ),
    ],
  },
  "rdap/[[...path]]/route.ts OPTIONS": {
    attacks: [
      probe(
        "a preflight reads nothing",
        (w) => ({ as: "anonymous", at: "console", method: "OPTIONS", path: rdapDomain(w) }),
        (a) => (a.status < 300 && !a.body.includes("Jane") ? null : `expected an empty answer, got ${short(a)}`),
      ),
    ],
  },
};
