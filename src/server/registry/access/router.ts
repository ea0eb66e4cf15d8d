/**
 * The platform's registry connection: one router per process, built lazily from REGISTRY_* env
 * variables and the catalogue (which TLD belongs to which registry operator). Each operator gets its
 * own port identity, so a search sends one check per operator; operators that share an endpoint share
 * its session pool (docs/decisions/050-registry-access.md).
 *
 * `getRegistry()` is the unrecorded router, for checks (many, and they change nothing) and for callers
 * that record afterwards themselves (reconciliation records only the names that drifted).
 */
import { readFileSync } from "node:fs";
import { env } from "@/env";
import { db } from "@/server/db";
import { createRegistryPort, RegistryRouter, type RegistryPort, type RegistryPortConfig } from "@/server/registry";
import { sandboxActive } from "./registry-mode";

type Access = {
  router: RegistryRouter;
  clientId: string;
  close: () => Promise<void>;
  builtAt: number;
  tlds: Set<string>;
};

const globalAccess = globalThis as unknown as {
  __registryAccess?: Promise<Access>;
  __registryOverride?: Access;
  __sandboxAccess?: Promise<Access>;
  __sandboxOverride?: Access;
};

/** Routes reloaded at most this often, so a TLD added to the catalogue is routed without a restart. */
const ROUTES_TTL_MS = 60_000;

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export function envPortConfig(): RegistryPortConfig {
  const e = env();
  const common = {
    clientId: e.REGISTRY_EPP_CLIENT_ID,
    password: e.REGISTRY_EPP_PASSWORD,
    poolSize: e.REGISTRY_POOL_SIZE,
    commandTimeoutMs: e.REGISTRY_COMMAND_TIMEOUT_MS,
  };
  if (e.REGISTRY_ADAPTER === "inprocess") return { adapter: "inprocess", ...common };
  const tlsCa = e.REGISTRY_EPP_CA_FILE ? readFileSync(e.REGISTRY_EPP_CA_FILE, "utf8") : undefined;
  // Development only: a loopback mock with no certificate file given is accepted unverified (nothing
  // in between to impersonate it). Production verifies unless told not to, which its check refuses.
  const unset = (process.env.REGISTRY_EPP_TLS_INSECURE ?? "") === "";
  const devLoopback = e.NODE_ENV !== "production" && unset && !tlsCa && LOOPBACK.has(e.REGISTRY_EPP_HOST);
  const tlsInsecure = e.REGISTRY_EPP_TLS_INSECURE || devLoopback;
  return {
    adapter: "epp",
    ...common,
    host: e.REGISTRY_EPP_HOST,
    port: e.REGISTRY_EPP_PORT,
    tlsInsecure,
    ...(tlsCa ? { tlsCa } : {}),
  };
}

/** A port with its own identity for one operator, sharing the endpoint's pool. */
function operatorFacade(base: RegistryPort): RegistryPort {
  return { ...base, close: async () => {} };
}

/**
 * A router over one endpoint, with one port identity per operator. `tldOperators` maps TLD → operator
 * (from the catalogue); unknown TLDs go to the endpoint directly.
 */
export function buildRegistryRouter(
  config: RegistryPortConfig,
  tldOperators: Record<string, string>,
): { router: RegistryRouter; close: () => Promise<void> } {
  const base = createRegistryPort(config);
  const facades = new Map<string, RegistryPort>();
  const byTld: Record<string, RegistryPort> = {};
  for (const [tld, operator] of Object.entries(tldOperators)) {
    if (!facades.has(operator)) facades.set(operator, operatorFacade(base));
    byTld[tld] = facades.get(operator) as RegistryPort;
  }
  return { router: new RegistryRouter({ byTld, fallback: base }), close: () => base.close() };
}

async function catalogueOperators(): Promise<Record<string, string>> {
  const products = await db.product.findMany({
    where: { kind: "domain" },
    select: { code: true, registryOperator: true },
  });
  return Object.fromEntries(products.map((p) => [p.code, p.registryOperator ?? p.code]));
}

async function build(): Promise<Access> {
  const config = envPortConfig();
  const operators = await catalogueOperators();
  const { router, close } = buildRegistryRouter(config, operators);
  return { router, clientId: config.clientId, close, builtAt: Date.now(), tlds: new Set(Object.keys(operators)) };
}

/**
 * The sandbox registry (decision 100): the mock registry at SANDBOX_REGISTRY_EPP_PORT (same host and
 * account as the live one), which every process of a deployment shares; without it, a mock registry
 * in this process's memory (tests, and a single-process setup). Never the live registry.
 */
async function buildSandbox(): Promise<Access> {
  const live = envPortConfig();
  const port = Number(process.env.SANDBOX_REGISTRY_EPP_PORT ?? "");
  const config: RegistryPortConfig =
    live.adapter === "epp" && Number.isInteger(port) && port > 0
      ? { ...live, port, name: "sandbox" }
      : {
          adapter: "inprocess",
          clientId: live.clientId,
          password: live.password,
          name: "sandbox",
          purgeOnDelete: true,
        };
  const operators = await catalogueOperators();
  const { router, close } = buildRegistryRouter(config, operators);
  return { router, clientId: config.clientId, close, builtAt: Date.now(), tlds: new Set(Object.keys(operators)) };
}

async function sandboxAccess(): Promise<Access> {
  if (globalAccess.__sandboxOverride) return globalAccess.__sandboxOverride;
  globalAccess.__sandboxAccess ??= buildSandbox();
  return globalAccess.__sandboxAccess.catch((e: unknown) => {
    globalAccess.__sandboxAccess = undefined;
    throw e;
  });
}

async function access(): Promise<Access> {
  if (sandboxActive()) return sandboxAccess();
  if (globalAccess.__registryOverride) return globalAccess.__registryOverride;
  globalAccess.__registryAccess ??= build();
  const current = await globalAccess.__registryAccess.catch((e: unknown) => {
    globalAccess.__registryAccess = undefined;
    throw e;
  });
  if (Date.now() - current.builtAt < ROUTES_TTL_MS) return current;
  // Rebuild the routing table only; the endpoint's pool is kept by rebuilding over the same config.
  const operators = await catalogueOperators();
  const same =
    Object.keys(operators).length === current.tlds.size && Object.keys(operators).every((t) => current.tlds.has(t));
  if (same) {
    current.builtAt = Date.now();
    return current;
  }
  const next = build();
  globalAccess.__registryAccess = next;
  void current.close();
  return next;
}

/** The process's router, unrecorded: for checks, which are many and change nothing. */
export async function getRegistry(): Promise<RegistryRouter> {
  return (await access()).router;
}

/** Our registrar id at the registries (the sponsor of the names we manage). */
export async function registryClientId(): Promise<string> {
  return (await access()).clientId;
}

/** Tests and benchmarks: use this router (and client id) instead of the env-configured one; null restores it. */
export function setRegistryForTests(router: RegistryRouter | null, clientId = "platform"): void {
  globalAccess.__registryOverride = router
    ? { router, clientId, close: async () => {}, builtAt: Date.now(), tlds: new Set() }
    : undefined;
}

/** Tests: the sandbox registry's router (null: the default one, built on first use). */
export function setSandboxRegistryForTests(router: RegistryRouter | null, clientId = "platform"): void {
  globalAccess.__sandboxOverride = router
    ? { router, clientId, close: async () => {}, builtAt: Date.now(), tlds: new Set() }
    : undefined;
}

/** Closes the process's registry sessions (worker shutdown, scripts). */
export async function closeRegistry(): Promise<void> {
  const current = globalAccess.__registryAccess;
  globalAccess.__registryAccess = undefined;
  if (current) await (await current).close();
  const sandbox = globalAccess.__sandboxAccess;
  globalAccess.__sandboxAccess = undefined;
  if (sandbox) await (await sandbox).close();
}
