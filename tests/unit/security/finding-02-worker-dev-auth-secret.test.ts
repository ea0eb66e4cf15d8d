import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEV_AUTH_SECRET } from "@/env";

const startWorkerBoss = vi.fn(async () => ({
  work: vi.fn(),
  schedule: vi.fn(),
  stop: vi.fn(),
  getQueue: vi.fn(async () => ({})),
  createQueue: vi.fn(),
}));
vi.mock("@/server/jobs/boss", () => ({ startWorkerBoss }));

// Everything else a production worker needs, so only the secret is in question.
const PRODUCTION = {
  NODE_ENV: "production",
  AUDIT_HMAC_KEY: "a-real-audit-key-of-forty-characters-000",
  DATA_KEYS: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
  STRIPE_SECRET_KEY: "sk_live_abc",
  DNS_ADAPTER: "system",
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

async function startWorkerWith(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries({ ...PRODUCTION, ...vars })) vi.stubEnv(k, v);
  vi.resetModules();
  const { startWorker } = await import("@/worker");
  return startWorker("postgresql://127.0.0.1:1/never-reached");
}

describe("security finding 02: the worker falls back to the development AUTH_SECRET", () => {
  // The worker imports every capability's jobs; transform them once, outside any one test.
  beforeAll(async () => {
    await import("@/worker");
    await import("../../../scripts/lib/platform-stack");
  }, 60_000);
  beforeEach(() => startWorkerBoss.mockClear());
  afterEach(() => vi.unstubAllEnvs());

  it("a production worker without AUTH_SECRET refuses to start, naming it, before touching the queue", async () => {
    await expect(startWorkerWith({ AUTH_SECRET: undefined })).rejects.toThrow(
      /missing or development secrets: AUTH_SECRET is not set/,
    );
    expect(startWorkerBoss).not.toHaveBeenCalled();
  });

  it("a production worker refuses the public development AUTH_SECRET", async () => {
    await expect(startWorkerWith({ AUTH_SECRET: DEV_AUTH_SECRET })).rejects.toThrow(
      /AUTH_SECRET is the public development secret/,
    );
    expect(startWorkerBoss).not.toHaveBeenCalled();
  });

  it("a production worker with its own secret starts", async () => {
    await startWorkerWith({ AUTH_SECRET: "a-real-secret-of-forty-characters-000000" });
    expect(startWorkerBoss).toHaveBeenCalledOnce();
  });

  it("the stack npm start runs its worker in refuses a missing AUTH_SECRET before the database or the worker start", async () => {
    for (const [k, v] of Object.entries({
      ...PRODUCTION,
      AUTH_SECRET: undefined,
      DATABASE_URL: "postgresql://127.0.0.1:1/never-reached",
    }))
      vi.stubEnv(k, v);
    vi.resetModules();
    const { startStack } = await import("../../../scripts/lib/platform-stack");
    await expect(startStack({ worker: true, registry: false, log: () => {} })).rejects.toThrow(
      /AUTH_SECRET is not set/,
    );
    expect(startWorkerBoss).not.toHaveBeenCalled();
  });
});
