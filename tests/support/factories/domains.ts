/**
 * Domains fixtures: the mock registry's TLDs in the catalogue (with their operators, so checks group
 * per registry as in production), a reseller that sells them, and a fresh registry wired in as the
 * platform's (in-process, or real EPP on an ephemeral port).
 */
import { DEFAULT_TLDS, MockRegistry, RegistryAdmin, startMockRegistry, type FaultTable } from "@/mock-registry";
import { createRegistryPort, type RegistryLogger, type RegistryPort, type RegistryPortConfig } from "@/server/registry";
import { buildRegistryRouter, setRegistryForTests } from "@/server/registry/access";
import { clearCheckCache } from "@/server/domains/search/check-cache";
import { db } from "@/server/db";
import { createReseller } from "./reseller";
import { createTier, createTldProduct, fundReseller } from "./money";

/** Registry time in domains tests: frozen; .vista is in its claims period, .bloom in sunrise. */
export const REGISTRY_FROZEN_AT = "2026-06-01T00:00:00.000Z";

/** TLD → [operator, registry cost] as the mock registry prices them (USD cents). */
export const TEST_TLDS: Record<string, [string, number]> = {
  com: ["verisign-sim", 1_026],
  net: ["verisign-sim", 1_180],
  org: ["pir-sim", 1_130],
  io: ["icb-sim", 4_500],
  co: ["co-sim", 2_500],
  shop: ["gmo-sim", 3_000],
  app: ["gr-sim", 1_400],
  vista: ["newgtld-sim", 1_800],
  bloom: ["newgtld-sim", 2_000],
};

export async function createDomainCatalog(tlds: string[] = Object.keys(TEST_TLDS)) {
  for (const tld of tlds) {
    const [operator, cost] = TEST_TLDS[tld];
    const p = await createTldProduct(tld, cost, { operator });
    // The registry's IDN tables, as the catalogue would be set up from its published policy.
    const idnTables = DEFAULT_TLDS.find((t) => t.tld === tld)?.idnTables ?? [];
    await db.product.update({
      where: { id: p.id },
      data: { idnTables, ...(tld === "app" ? { dnssec: "required" } : {}) },
    });
  }
}

/** A reseller selling every catalogued TLD at `wholesale` per year (or per-TLD prices), funded. */
export async function createDomainReseller(
  opts: {
    slug?: string;
    wholesale?: number | Record<string, number>;
    balance?: number;
    markupPercentBps?: number;
  } = {},
) {
  const reseller = await createReseller({ slug: opts.slug });
  const codes = Object.keys(TEST_TLDS);
  const flat = typeof opts.wholesale === "number" ? opts.wholesale : 1_500;
  const prices: Record<string, number> =
    typeof opts.wholesale === "object" ? opts.wholesale : Object.fromEntries(codes.map((c) => [c, flat]));
  const tier = await createTier(`tier-${reseller.slug}`, prices);
  await fundReseller(reseller.id, tier.id, opts.balance ?? 1_000_000, {
    markupKind: "percent",
    markupValue: opts.markupPercentBps ?? 2_000,
    rounding: "none",
  });
  return reseller;
}

export type TestRegistry = {
  registry: MockRegistry;
  admin: RegistryAdmin;
  /** The rival registrar's port on the same registry (transfers between registrars). */
  rival: RegistryPort;
  close(): Promise<void>;
};

function operators(): Record<string, string> {
  return Object.fromEntries(Object.entries(TEST_TLDS).map(([t, [op]]) => [t, op]));
}

/** A fresh in-memory registry wired in as the platform's, through the in-process adapter. */
type RegistryOptions = {
  faults?: FaultTable;
  commandTimeoutMs?: number;
  /** Sees every command the platform sends. */ logger?: RegistryLogger;
};

export function startInProcessRegistry(opts: RegistryOptions = {}): TestRegistry {
  const registry = new MockRegistry({ dataDir: null, frozenAt: REGISTRY_FROZEN_AT, faults: opts.faults });
  const config = (clientId: string, password: string): RegistryPortConfig => ({
    adapter: "inprocess",
    registry,
    clientId,
    password,
    commandTimeoutMs: opts.commandTimeoutMs ?? 300,
    logger: clientId === "platform" ? opts.logger : undefined,
  });
  const platform = buildRegistryRouter(config("platform", "platform-dev-pass"), operators());
  const rival = createRegistryPort(config("rival", "rival-dev-pass"));
  setRegistryForTests(platform.router, "platform");
  clearCheckCache();
  return {
    registry,
    admin: new RegistryAdmin(registry),
    rival,
    close: async () => {
      setRegistryForTests(null);
      await platform.close();
      await rival.close();
    },
  };
}

/** The real EPP server on an ephemeral port, the platform talking to it over TLS. */
export async function startEppRegistry(opts: RegistryOptions = {}): Promise<TestRegistry> {
  const running = await startMockRegistry({
    port: 0,
    adminPort: null,
    dataDir: null,
    frozenAt: REGISTRY_FROZEN_AT,
    faults: opts.faults,
  });
  const config = (clientId: string, password: string): RegistryPortConfig => ({
    adapter: "epp",
    host: "127.0.0.1",
    port: running.port,
    tlsCa: running.certPem,
    clientId,
    password,
    commandTimeoutMs: opts.commandTimeoutMs ?? 1_000,
    logger: clientId === "platform" ? opts.logger : undefined,
  });
  const platform = buildRegistryRouter(config("platform", "platform-dev-pass"), operators());
  const rival = createRegistryPort(config("rival", "rival-dev-pass"));
  setRegistryForTests(platform.router, "platform");
  clearCheckCache();
  return {
    registry: running.registry,
    admin: running.admin,
    rival,
    close: async () => {
      setRegistryForTests(null);
      await platform.close();
      await rival.close();
      await running.close();
    },
  };
}
