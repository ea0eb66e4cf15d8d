/**
 * Production mode (NODE_ENV=production) refuses development defaults at start, naming each one. Every
 * unsafe setting has an ALLOW_… variable that accepts it on purpose (a staging box, the browser tests,
 * a local try-out of the production build). Run by scripts/start.ts, the worker and the Next.js server
 * before anything listens (README "Running in production").
 */
import { DEV_AUDIT_HMAC_KEY, DEV_AUTH_SECRET, type Env } from "@/env";
import { configuredDataKeys, DEV_DATA_KEYS, parseDataKeys } from "@/server/crypto/data-keys";
import { parsePrivacyServiceContact } from "@/server/rdap/privacy-service";

export type UnsafeSetting = { setting: string; problem: string; allow: string };

/** The mock registry's own account (src/mock-registry/config/accounts.ts): no real registry has it. */
const MOCK_REGISTRY_PASSWORD = "platform-dev-pass";

function dataKeyProblem(e: Env): string | null {
  const raw = configuredDataKeys(e);
  if (!raw) return "DATA_KEYS is not set";
  try {
    const dev = parseDataKeys(DEV_DATA_KEYS)[0].key;
    if (parseDataKeys(raw).some((k) => k.key.equals(dev)))
      return e.ALLOW_DEV_SECRETS ? null : "DATA_KEYS holds the public development key";
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

function secretProblems(e: Env): string[] {
  const problems: string[] = [];
  if (!e.AUTH_SECRET) problems.push("AUTH_SECRET is not set");
  else if (e.AUTH_SECRET === DEV_AUTH_SECRET && !e.ALLOW_DEV_SECRETS)
    problems.push("AUTH_SECRET is the public development secret");
  if (!e.AUDIT_HMAC_KEY) problems.push("AUDIT_HMAC_KEY is not set");
  else if (e.AUDIT_HMAC_KEY === DEV_AUDIT_HMAC_KEY && !e.ALLOW_DEV_SECRETS)
    problems.push("AUDIT_HMAC_KEY is the public development key");
  const data = dataKeyProblem(e);
  if (data) problems.push(data);
  return problems;
}

/** RDAP and escrow name this contact for every privacy-protected domain: it must exist and parse. */
function privacyContactProblem(e: Env): string | null {
  if (!e.PRIVACY_SERVICE_CONTACT)
    return e.ALLOW_EXAMPLE_PRIVACY_CONTACT
      ? null
      : "PRIVACY_SERVICE_CONTACT is not set, so RDAP and escrow deposits have no proxy service to name for privacy-protected domains";
  try {
    parsePrivacyServiceContact(e.PRIVACY_SERVICE_CONTACT);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

function mockRegistryReasons(e: Env, startsMockRegistry: boolean): string[] {
  const reasons: string[] = [];
  if (startsMockRegistry) reasons.push("this process starts the mock registry (START_REGISTRY is not false)");
  if (e.REGISTRY_ADAPTER === "inprocess") reasons.push("REGISTRY_ADAPTER=inprocess");
  else if (e.REGISTRY_EPP_PASSWORD === MOCK_REGISTRY_PASSWORD)
    reasons.push("REGISTRY_EPP_PASSWORD is the mock registry's");
  return reasons;
}

/** Pure: what production would refuse in this environment, in a fixed order; empty outside production. */
export function unsafeProductionSettings(e: Env, opts: { startsMockRegistry?: boolean } = {}): UnsafeSetting[] {
  if (e.NODE_ENV !== "production") return [];
  const found: UnsafeSetting[] = [];
  if (!e.STRIPE_SECRET_KEY && !e.ALLOW_TEST_PAYMENTS)
    found.push({
      setting: "test payments",
      problem: "STRIPE_SECRET_KEY is not set, so the built-in test provider would credit any balance for free",
      allow: "ALLOW_TEST_PAYMENTS",
    });
  if (e.DNS_ADAPTER === "local" && !e.ALLOW_LOCAL_DNS)
    found.push({
      setting: "local DNS stand-in",
      problem: "DNS_ADAPTER=local lets anyone enter the DNS answer that verifies a host; use DNS_ADAPTER=system",
      allow: "ALLOW_LOCAL_DNS",
    });
  const mock = mockRegistryReasons(e, opts.startsMockRegistry ?? false);
  if (mock.length && !e.ALLOW_MOCK_REGISTRY)
    found.push({ setting: "mock registry", problem: mock.join("; "), allow: "ALLOW_MOCK_REGISTRY" });
  if (e.TMCH_ADAPTER === "standin" && !e.ALLOW_TMCH_STANDIN)
    found.push({
      setting: "TMCH stand-in",
      problem:
        "TMCH_ADAPTER=standin records marks in the project's stand-in, whose SMDs no registry trusts; use TMCH_ADAPTER=off until a real TMCH adapter exists",
      allow: "ALLOW_TMCH_STANDIN",
    });
  if (e.SEED_DEMO && !e.ALLOW_DEMO_SEED)
    found.push({
      setting: "demo seed",
      problem: "SEED_DEMO would create demo accounts with a published password",
      allow: "ALLOW_DEMO_SEED",
    });
  if (e.SSL_CA_ADAPTER === "standin" && !e.ALLOW_CA_STANDIN)
    found.push({
      setting: "CA stand-in",
      problem:
        "SSL_CA_ADAPTER=standin issues certificates from the development CA, which no browser trusts; use SSL_CA_ADAPTER=acme",
      allow: "ALLOW_CA_STANDIN",
    });
  const secrets = secretProblems(e);
  if (secrets.length)
    found.push({ setting: "missing or development secrets", problem: secrets.join("; "), allow: "ALLOW_DEV_SECRETS" });
  const privacy = privacyContactProblem(e);
  if (privacy)
    found.push({ setting: "privacy service contact", problem: privacy, allow: "ALLOW_EXAMPLE_PRIVACY_CONTACT" });
  if (e.REGISTRY_ADAPTER === "epp" && e.REGISTRY_EPP_TLS_INSECURE && !e.ALLOW_INSECURE_REGISTRY_TLS)
    found.push({
      setting: "registry TLS checks off",
      problem: "REGISTRY_EPP_TLS_INSECURE accepts any certificate; trust the registry's CA with REGISTRY_EPP_CA_FILE",
      allow: "ALLOW_INSECURE_REGISTRY_TLS",
    });
  return found;
}

export function describeUnsafeSettings(found: UnsafeSetting[]): string {
  const lines = found.map((f) => `  - ${f.setting}: ${f.problem} (to accept it anyway: ${f.allow}=1)`);
  return `Refusing to start in production (NODE_ENV=production):\n${lines.join("\n")}\nSee "Running in production" in README.md.`;
}

/** Throws naming every unsafe setting; does nothing outside production or when all is well. */
export function assertSafeForProduction(e: Env, opts: { startsMockRegistry?: boolean } = {}): void {
  const found = unsafeProductionSettings(e, opts);
  if (found.length) throw new Error(describeUnsafeSettings(found));
}
