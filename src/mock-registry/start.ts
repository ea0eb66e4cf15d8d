/** Starts the registry's EPP server (and its loopback admin console) in this process. */
import type { Server } from "node:http";
import { RegistryAdmin } from "./admin";
import { listenAdmin } from "./admin-http";
import type { FrameDirection } from "./epp/connection";
import { listenEpp } from "./epp/server";
import { ensureCertificate, type TlsMaterial } from "./epp/tls-cert";
import type { RegistryDialect } from "./config/tld-policy";
import type { FaultTable } from "./faults";
import { MockRegistry, type MockRegistryOptions } from "./registry";

export interface StartMockRegistryOptions extends MockRegistryOptions {
  /** EPP port; 0 picks a free one. Default MOCK_REGISTRY_PORT or 7000. */
  port?: number;
  /** Default MOCK_REGISTRY_HOST or 127.0.0.1. */
  host?: string;
  /** Admin HTTP port on loopback; null disables it. Default MOCK_REGISTRY_ADMIN_PORT or EPP port + 1. */
  adminPort?: number | null;
  tls?: TlsMaterial;
  maxFrameBytes?: number;
  idleTimeoutMs?: number;
  frameTimeoutMs?: number;
  /** Connections served at once; more get 2502 and a close. Default MOCK_REGISTRY_MAX_CONNECTIONS or 64. */
  maxConnections?: number;
  onFrame?: (direction: FrameDirection, xml: string) => void;
  /** Serve an existing registry (tests restart the server over the same state). */
  registry?: MockRegistry;
}

export interface RunningMockRegistry {
  port: number;
  host: string;
  adminPort: number | null;
  /** PEM of the server certificate, for clients that pin it. */
  certPem: string;
  registry: MockRegistry;
  admin: RegistryAdmin;
  close(): Promise<void>;
}

function envNumber(name: string): number | undefined {
  const v = process.env[name];
  return v === undefined || v === "" ? undefined : Number(v);
}

const DIALECT_CHOICES: Record<string, readonly string[]> = {
  invalidNameInCheck: ["unavailable", "error"],
  transferLock: ["registry", "registrar"],
};

/** The mock imports nothing but Node (ARCHITECTURE.md), so the variable is checked by hand. */
function parseDialects(raw: string): Record<string, Partial<RegistryDialect>> {
  const value: unknown = JSON.parse(raw);
  if (typeof value !== "object" || value === null) throw new Error("MOCK_REGISTRY_DIALECTS must be a JSON object");
  for (const [tld, choices] of Object.entries(value)) {
    if (typeof choices !== "object" || choices === null)
      throw new Error(`MOCK_REGISTRY_DIALECTS.${tld}: not an object`);
    for (const [key, choice] of Object.entries(choices)) {
      if (!DIALECT_CHOICES[key]?.includes(String(choice)))
        throw new Error(`MOCK_REGISTRY_DIALECTS.${tld}.${key}: ${JSON.stringify(choice)} is not a choice`);
    }
  }
  return value as Record<string, Partial<RegistryDialect>>;
}

/** MOCK_REGISTRY_DIALECTS: JSON by TLD ("*" for all), e.g. {"io":{"invalidNameInCheck":"error"}}. */
function envDialects(): MockRegistryOptions["dialects"] {
  const raw = process.env.MOCK_REGISTRY_DIALECTS;
  return raw ? parseDialects(raw) : undefined;
}

function envFaults(): FaultTable | undefined {
  const raw = process.env.MOCK_REGISTRY_FAULTS;
  return raw ? (JSON.parse(raw) as FaultTable) : undefined;
}

export async function startMockRegistry(options: StartMockRegistryOptions = {}): Promise<RunningMockRegistry> {
  const dataDir =
    options.dataDir === undefined ? (process.env.MOCK_REGISTRY_DATA_DIR ?? ".data/registry") : options.dataDir;
  const registry =
    options.registry ??
    new MockRegistry({
      ...options,
      dataDir,
      faults: options.faults ?? envFaults(),
      dialects: options.dialects ?? envDialects(),
    });
  const tls = options.tls ?? ensureCertificate(dataDir);
  const host = options.host ?? process.env.MOCK_REGISTRY_HOST ?? "127.0.0.1";
  const epp = await listenEpp(registry, tls, host, options.port ?? envNumber("MOCK_REGISTRY_PORT") ?? 7000, {
    maxFrameBytes: options.maxFrameBytes ?? 262_144,
    idleTimeoutMs: options.idleTimeoutMs ?? 600_000,
    frameTimeoutMs: options.frameTimeoutMs ?? 30_000,
    maxConnections: options.maxConnections ?? envNumber("MOCK_REGISTRY_MAX_CONNECTIONS") ?? 64,
    onFrame: options.onFrame,
  });
  const admin = new RegistryAdmin(registry);
  const wantedAdmin =
    options.adminPort === undefined ? (envNumber("MOCK_REGISTRY_ADMIN_PORT") ?? epp.port + 1) : options.adminPort;
  let adminServer: Server | undefined;
  let adminPort: number | null = null;
  if (wantedAdmin !== null) {
    const started = await listenAdmin(admin, wantedAdmin);
    adminServer = started.server;
    adminPort = started.port;
  }
  return {
    port: epp.port,
    host,
    adminPort,
    certPem: tls.cert,
    registry,
    admin,
    close: async () => {
      await epp.close();
      await new Promise<void>((resolve) => (adminServer ? adminServer.close(() => resolve()) : resolve()));
      if (!options.registry) registry.close();
    },
  };
}
