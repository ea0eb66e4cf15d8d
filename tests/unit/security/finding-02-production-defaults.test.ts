import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEV_AUDIT_HMAC_KEY, DEV_AUTH_SECRET, parseEnv } from "@/env";
import { DEV_DATA_KEYS } from "@/server/crypto/data-keys";
import { assertSafeForProduction, unsafeProductionSettings } from "@/server/production-check";

const SAFE = {
  NODE_ENV: "production",
  AUTH_SECRET: "a-real-secret-of-forty-characters-000000",
  AUDIT_HMAC_KEY: "a-real-audit-key-of-forty-characters-000",
  DATA_KEYS: `2026a:${randomBytes(32).toString("base64")}`,
  STRIPE_SECRET_KEY: "sk_live_abc",
  STRIPE_WEBHOOK_SECRET: "whsec_abc",
  DNS_ADAPTER: "system",
  REGISTRY_EPP_HOST: "epp.registry.example",
  REGISTRY_EPP_PASSWORD: "registry-issued-password",
  SSL_CA_ADAPTER: "acme",
  SSL_ACME_DIRECTORY_URL: "https://acme.ca.example/directory",
  TMCH_ADAPTER: "off",
  PRIVACY_SERVICE_CONTACT: JSON.stringify({
    name: "Privacy Service",
    email: "privacy@registrar.example",
    phone: "+1.5555550100",
    street: ["1 Example Way"],
    city: "Example City",
    countryCode: "US",
  }),
};

function refused(overrides: Record<string, string | undefined>, opts: { startsMockRegistry?: boolean } = {}) {
  return unsafeProductionSettings(parseEnv({ ...SAFE, ...overrides }), opts).map((s) => `${s.setting}: ${s.problem}`);
}

const CASES: {
  name: string;
  overrides: Record<string, string | undefined>;
  setting: RegExp;
  allow: string;
  opts?: { startsMockRegistry: boolean };
}[] = [
  {
    name: "test payments when no Stripe key is set",
    overrides: { STRIPE_SECRET_KEY: undefined },
    setting: /^test payments: STRIPE_SECRET_KEY/,
    allow: "ALLOW_TEST_PAYMENTS",
  },
  {
    name: "the local DNS stand-in",
    overrides: { DNS_ADAPTER: "local" },
    setting: /^local DNS stand-in: DNS_ADAPTER=local/,
    allow: "ALLOW_LOCAL_DNS",
  },
  {
    name: "the in-process mock registry",
    overrides: { REGISTRY_ADAPTER: "inprocess" },
    setting: /^mock registry: REGISTRY_ADAPTER=inprocess/,
    allow: "ALLOW_MOCK_REGISTRY",
  },
  {
    name: "the mock registry's account",
    overrides: { REGISTRY_EPP_PASSWORD: undefined },
    setting: /^mock registry: REGISTRY_EPP_PASSWORD/,
    allow: "ALLOW_MOCK_REGISTRY",
  },
  {
    name: "starting the mock registry",
    overrides: {},
    opts: { startsMockRegistry: true },
    setting: /^mock registry: this process starts the mock registry/,
    allow: "ALLOW_MOCK_REGISTRY",
  },
  { name: "the demo seed", overrides: { SEED_DEMO: "1" }, setting: /^demo seed: SEED_DEMO/, allow: "ALLOW_DEMO_SEED" },
  {
    name: "a missing AUTH_SECRET",
    overrides: { AUTH_SECRET: undefined },
    setting: /^missing or development secrets: AUTH_SECRET is not set/,
    allow: "ALLOW_DEV_SECRETS",
  },
  {
    name: "the development AUTH_SECRET",
    overrides: { AUTH_SECRET: DEV_AUTH_SECRET },
    setting: /^missing or development secrets: AUTH_SECRET is the public development secret/,
    allow: "ALLOW_DEV_SECRETS",
  },
  {
    name: "a missing AUDIT_HMAC_KEY",
    overrides: { AUDIT_HMAC_KEY: undefined },
    setting: /^missing or development secrets: AUDIT_HMAC_KEY is not set/,
    allow: "ALLOW_DEV_SECRETS",
  },
  {
    name: "the development AUDIT_HMAC_KEY",
    overrides: { AUDIT_HMAC_KEY: DEV_AUDIT_HMAC_KEY },
    setting: /^missing or development secrets: AUDIT_HMAC_KEY is the public development key/,
    allow: "ALLOW_DEV_SECRETS",
  },
  {
    name: "missing data keys",
    overrides: { DATA_KEYS: undefined },
    setting: /^missing or development secrets: DATA_KEYS is not set/,
    allow: "ALLOW_DEV_SECRETS",
  },
  {
    name: "the development data key",
    overrides: { DATA_KEYS: `${SAFE.DATA_KEYS},${DEV_DATA_KEYS}` },
    setting: /^missing or development secrets: DATA_KEYS holds the public development key/,
    allow: "ALLOW_DEV_SECRETS",
  },
  {
    name: "registry TLS checks turned off",
    overrides: { REGISTRY_EPP_TLS_INSECURE: "true" },
    setting: /^registry TLS checks off: REGISTRY_EPP_TLS_INSECURE/,
    allow: "ALLOW_INSECURE_REGISTRY_TLS",
  },
  {
    name: "the commercial-CA stand-in",
    overrides: { SSL_CA_ADAPTER: "standin" },
    setting: /^CA stand-in: SSL_CA_ADAPTER=standin/,
    allow: "ALLOW_CA_STANDIN",
  },
  {
    name: "the TMCH stand-in",
    overrides: { TMCH_ADAPTER: "standin" },
    setting: /^TMCH stand-in: TMCH_ADAPTER=standin/,
    allow: "ALLOW_TMCH_STANDIN",
  },
  {
    name: "no privacy service contact for RDAP and escrow",
    overrides: { PRIVACY_SERVICE_CONTACT: undefined },
    setting: /^privacy service contact: PRIVACY_SERVICE_CONTACT is not set/,
    allow: "ALLOW_EXAMPLE_PRIVACY_CONTACT",
  },
];

describe("security finding 02: production runs on development defaults", () => {
  it("a production environment with real secrets, Stripe, system DNS and a real registry starts", () => {
    expect(refused({})).toEqual([]);
    expect(() => assertSafeForProduction(parseEnv(SAFE))).not.toThrow();
  });

  for (const c of CASES) {
    it(`production refuses ${c.name}, naming it`, () => {
      const found = refused(c.overrides, c.opts);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(c.setting);
    });

    it(`production accepts ${c.name} only when ${c.allow}=1 says so`, () => {
      expect(refused({ ...c.overrides, [c.allow]: "1" }, c.opts)).toEqual([]);
    });
  }

  it("a privacy service contact that does not parse is refused with the reason", () => {
    expect(refused({ PRIVACY_SERVICE_CONTACT: '{"name":"x"}' })).toEqual([
      expect.stringMatching(/^privacy service contact: PRIVACY_SERVICE_CONTACT: /),
    ]);
  });

  it("a malformed data key is refused with the reason", () => {
    expect(refused({ DATA_KEYS: "k1:dG9vIHNob3J0" })).toEqual([
      expect.stringMatching(/DATA_KEYS: key "k1" must be 32 bytes/),
    ]);
  });

  it("the refusal names every unsafe setting at once and the variable that would accept each", () => {
    const bare = parseEnv({ NODE_ENV: "production", REGISTRY_EPP_TLS_INSECURE: "true", SEED_DEMO: "1" });
    let message = "";
    try {
      assertSafeForProduction(bare, { startsMockRegistry: true });
    } catch (e) {
      message = (e as Error).message;
    }
    for (const name of [
      "test payments",
      "local DNS stand-in",
      "mock registry",
      "demo seed",
      "missing or development secrets",
      "registry TLS checks off",
      "privacy service contact",
      "CA stand-in",
      "TMCH stand-in",
    ])
      expect(message).toContain(`- ${name}:`);
    for (const allow of [
      "ALLOW_TEST_PAYMENTS",
      "ALLOW_LOCAL_DNS",
      "ALLOW_MOCK_REGISTRY",
      "ALLOW_DEMO_SEED",
      "ALLOW_DEV_SECRETS",
      "ALLOW_INSECURE_REGISTRY_TLS",
      "ALLOW_EXAMPLE_PRIVACY_CONTACT",
      "ALLOW_CA_STANDIN",
      "ALLOW_TMCH_STANDIN",
    ])
      expect(message).toContain(`${allow}=1`);
  });

  it("development keeps its stand-ins and secrets without any ALLOW variable", () => {
    const dev = parseEnv({ REGISTRY_EPP_TLS_INSECURE: "true" });
    expect(dev.AUTH_SECRET).toBe(DEV_AUTH_SECRET);
    expect(unsafeProductionSettings(dev, { startsMockRegistry: true })).toEqual([]);
  });

  it("production gets no development AUTH_SECRET to fall back on", () => {
    expect(parseEnv({ NODE_ENV: "production" }).AUTH_SECRET).toBeUndefined();
  });

  it(".env.example does not turn registry TLS checks off", () => {
    const lines = readFileSync(".env.example", "utf8")
      .split("\n")
      .filter((l) => !l.trim().startsWith("#"));
    const settings = Object.fromEntries(
      lines
        .filter((l) => l.includes("="))
        .map((l) => [l.slice(0, l.indexOf("=")).trim(), l.slice(l.indexOf("=") + 1).trim()]),
    );
    expect(parseEnv(settings).REGISTRY_EPP_TLS_INSECURE).toBe(false);
  });

  it("every ALLOW variable is documented in .env.example and the README", () => {
    const example = readFileSync(".env.example", "utf8");
    const readme = readFileSync("README.md", "utf8");
    for (const allow of [
      "ALLOW_TEST_PAYMENTS",
      "ALLOW_LOCAL_DNS",
      "ALLOW_MOCK_REGISTRY",
      "ALLOW_DEMO_SEED",
      "ALLOW_DEV_SECRETS",
      "ALLOW_INSECURE_REGISTRY_TLS",
      "ALLOW_EXAMPLE_PRIVACY_CONTACT",
      "SEED_DEMO",
      "DATA_KEYS",
    ]) {
      expect(example).toContain(allow);
      expect(readme).toContain(allow);
    }
  });
});
