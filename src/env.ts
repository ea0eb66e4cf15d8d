/**
 * Every environment variable the platform reads, parsed once. A bad or missing value stops the
 * process with a message naming the variable. `.env.example` documents each one.
 */
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(5488),
  CONSOLE_HOST: z.string().min(1).default("localhost:3000"),
  STOREFRONT_BASE_DOMAIN: z.string().min(1).default("localhost:3000"),
  PUBLIC_SCHEME: z.enum(["http", "https"]).default("http"),
  // A host name that serves only RDAP, at its root (docs/decisions/087-rdap.md); the console host
  // always serves it under /rdap/.
  RDAP_HOST: z.string().min(1).optional(),
  // The registrar's proxy service as RDAP shows it for privacy-protected names (JSON, see
  // src/server/rdap/privacy-service.ts); required in production once any name has privacy on.
  PRIVACY_SERVICE_CONTACT: z.string().min(2).optional(),
  // Reverse proxies in front of Next that append to X-Forwarded-For; 0 ignores the header and uses the
  // socket's address (docs/decisions/068-sign-in-limits-and-sessions.md).
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  // App processes that serve /api/v1 behind one load balancer: each grants a key its share of the
  // key's rate limit, since each counts only what it serves (docs/decisions/108-api-keys-and-limits-in-process.md).
  API_PROCESSES: z.coerce.number().int().min(1).max(1000).default(1),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  // How long a cache hit waits for the listener's read barrier before reading the database instead
  // (docs/decisions/103-cache-read-barrier.md); longer where the database is far away.
  CACHE_BARRIER_TIMEOUT_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  // Keys the audit chains' HMACs (kept outside the database). Previous keys, comma-separated, still
  // verify entries written before a rotation (docs/decisions/070-audit-chains-per-tenant.md).
  AUDIT_HMAC_KEY: z.string().min(32, "AUDIT_HMAC_KEY must be at least 32 characters").optional(),
  AUDIT_HMAC_PREVIOUS_KEYS: z.string().optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default("no-reply@registrar.localhost"),
  // Without SMTP_URL, mail is written here as .eml files (development: .data/mail) instead of sent.
  MAIL_DROP_DIR: z.string().min(1).optional(),
  // Where overdue abuse and reveal clocks are escalated (decision 127); the registrar's abuse address when unset.
  COMPLIANCE_EMAIL: z.email().optional(),
  DNS_ADAPTER: z.enum(["local", "system"]).default("local"),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  STRIPE_API_BASE: z.url().optional(),
  // The test provider's health check fails with "unavailable" (the status page's payments check, decision 128).
  TEST_PAYMENTS_FAULT: z.enum(["unavailable"]).optional(),
  REGISTRY_ADAPTER: z.enum(["epp", "inprocess"]).default("epp"),
  REGISTRY_EPP_HOST: z.string().default("127.0.0.1"),
  REGISTRY_EPP_PORT: z.coerce.number().int().positive().default(7000),
  REGISTRY_EPP_CLIENT_ID: z.string().default("platform"),
  REGISTRY_EPP_PASSWORD: z.string().default("platform-dev-pass"),
  REGISTRY_EPP_TLS_INSECURE: bool,
  // Sessions per registry endpoint, command timeout, and how long search waits for one registry.
  REGISTRY_POOL_SIZE: z.coerce.number().int().positive().default(8),
  REGISTRY_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  REGISTRY_SEARCH_TIMEOUT_MS: z.coerce.number().int().positive().default(2_500),
  // Fulfilment engine: attempts before an item is parked for a person (or refunded when nothing was
  // ever sent), the first retry delay (doubling, with jitter), and how long a runner holds an item.
  FULFILMENT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  FULFILMENT_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  FULFILMENT_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
  // Completed items settled per transaction by a process's collector, and such transactions at once
  // (decision 129); 1 item settles each in its own transaction.
  FULFILMENT_GROUP_MAX_ITEMS: z.coerce.number().int().min(1).max(500).default(32),
  FULFILMENT_GROUP_IN_FLIGHT: z.coerce.number().int().min(1).max(10).default(2),
  // Wall time per step of an attempt, added up in the process for `npm run bench -- domains` (decision 136).
  FULFILMENT_STEP_TIMES: bool,
  // Pre-orders and launch interest: away from a published phase start the watcher asks the registry
  // about a waiting TLD once per this period, a safety look (decision 133).
  LAUNCH_WATCH_SAFETY_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  // A transfer in that the poll has not settled is asked about at the registry after this long.
  TRANSFER_IN_RECHECK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  // The every-minute sweeps (mail, fulfilment, marks, launch phases, certificates...) also run this often
  // when set: for a server whose people should not wait up to a minute for the next pass (decision 131).
  SWEEP_EVERY_SECONDS: z.coerce.number().int().min(1).max(59).optional(),
  // Nameservers a new registration gets when the registrant does not give their own (comma-separated).
  DEFAULT_NAMESERVERS: z.string().default("ns1.dns-hosting.example,ns2.dns-hosting.example"),
  // Transfer Policy: days a name cannot leave us after a change of registrant (0 = none; the TPR changes it).
  REGISTRANT_CHANGE_LOCK_DAYS: z.coerce.number().int().min(0).max(365).default(60),
  // Certificates (issue 13, docs/decisions/097-certificates-in-the-order-engine.md): "standin" is the
  // commercial-CA stand-in (src/ca-standin) that the start scripts run in process on the URL's port;
  // "acme" is any ACME CA (RFC 8555), with External Account Binding for commercial ones.
  SSL_CA_ADAPTER: z.enum(["standin", "acme"]).default("standin"),
  SSL_CA_STANDIN_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:7140"),
  SSL_CA_STANDIN_API_KEY: z.string().min(1).optional(),
  // Where the in-process stand-in keeps its CA keys and orders; START_CA_STANDIN=false leaves it to its own process.
  CA_STANDIN_DATA_DIR: z.string().min(1).default(".data/ca-standin"),
  START_CA_STANDIN: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v !== "false" && v !== "0"),
  SSL_ACME_DIRECTORY_URL: z.url({ protocol: /^https?$/ }).optional(),
  // The ACME account key (PEM), kept as a secret: a file path or the PEM itself.
  SSL_ACME_ACCOUNT_KEY_FILE: z.string().min(1).optional(),
  SSL_ACME_ACCOUNT_KEY: z.string().min(1).optional(),
  SSL_ACME_ACCOUNT_URL: z.url().optional(),
  SSL_ACME_CONTACT_EMAIL: z.email().optional(),
  SSL_ACME_EAB_KID: z.string().min(1).optional(),
  SSL_ACME_EAB_HMAC_KEY: z.string().min(1).optional(),
  // PEM files: extra roots for the CA's own HTTPS endpoint, and the roots its certificates chain to.
  SSL_ACME_TLS_CA_FILE: z.string().min(1).optional(),
  SSL_ACME_TRUST_ANCHORS_FILE: z.string().min(1).optional(),
  // The Trademark Clearinghouse (src/server/tmch/access.ts): "standin" is the project's stand-in over
  // HTTP at TMCH_URL (decision 098), "off" sells no TMCH services. The start scripts run the stand-in
  // in process on TMCH_STANDIN_PORT unless START_TMCH_STANDIN=false, and point TMCH_URL at it.
  TMCH_ADAPTER: z.enum(["standin", "off"]).default("standin"),
  // Unset: the stand-in this process starts on TMCH_STANDIN_PORT (see parseEnv).
  TMCH_URL: z.url({ protocol: /^https?$/ }).optional(),
  TMCH_API_KEY: z.string().min(1).optional(),
  TMCH_STANDIN_PORT: z.coerce.number().int().positive().default(7150),
  TMCH_STANDIN_DATA_DIR: z.string().default(".data/tmch-standin"),
  START_TMCH_STANDIN: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v !== "false" && v !== "0"),
  MOCK_REGISTRY_PORT: z.coerce.number().int().positive().default(7000),
  MOCK_REGISTRY_DATA_DIR: z.string().default(".data/registry"),
  LOG_SQL: bool,
  // Stored secrets' keys, "id:base64-32-bytes" comma-separated, the first encrypting (src/server/crypto).
  DATA_KEYS: z.string().optional(),
  // PEM file the registry's TLS certificate must chain to (a registry's CA, or the mock's certificate).
  REGISTRY_EPP_CA_FILE: z.string().min(1).optional(),
  // Load the demo seed into an empty database outside development (src/server/production-check.ts).
  SEED_DEMO: bool,
  // Each accepts one unsafe setting in production (src/server/production-check.ts lists them).
  ALLOW_TEST_PAYMENTS: bool,
  ALLOW_LOCAL_DNS: bool,
  ALLOW_MOCK_REGISTRY: bool,
  ALLOW_DEMO_SEED: bool,
  ALLOW_DEV_SECRETS: bool,
  ALLOW_INSECURE_REGISTRY_TLS: bool,
  // Production with TMCH_ADAPTER=standin: marks recorded in the project's stand-in, not the real TMCH.
  ALLOW_TMCH_STANDIN: bool,
  ALLOW_CA_STANDIN: bool,
  // Production without PRIVACY_SERVICE_CONTACT: RDAP and escrow name an example proxy service.
  ALLOW_EXAMPLE_PRIVACY_CONTACT: bool,
});

export type Env = z.infer<typeof schema> & { TMCH_URL: string };

export const DEV_AUTH_SECRET = "development-only-secret-change-me-in-production-0123456789";
export const DEV_AUDIT_HMAC_KEY = "development-only-audit-key-change-me-in-production-01234";

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  // Derived here, not when the stand-in starts: the worker in the start scripts' own process read
  // its environment before then, and reached a stand-in on another port.
  const env = { ...result.data, TMCH_URL: result.data.TMCH_URL ?? `http://127.0.0.1:${result.data.TMCH_STANDIN_PORT}` };
  // Production gets no fallback: the production check names the missing secret at start.
  if (!env.AUTH_SECRET && (env.NODE_ENV !== "production" || env.ALLOW_DEV_SECRETS)) env.AUTH_SECRET = DEV_AUTH_SECRET;
  if (!env.AUDIT_HMAC_KEY && (env.NODE_ENV !== "production" || env.ALLOW_DEV_SECRETS))
    env.AUDIT_HMAC_KEY = DEV_AUDIT_HMAC_KEY;
  return env;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
