/**
 * Chooses the adapter. The platform's env.ts maps REGISTRY_* variables onto this plain config
 * (docs/decisions/023-registry-adapter-config.md lists them); tests pass it directly.
 */
import { createEppPort } from "./epp/epp-adapter";
import { createInProcessPort, type InProcessConfig } from "./inprocess/inprocess-adapter";
import type { RegistryLogger } from "./core/logging";
import type { RegistryPort } from "./core/port";

interface Common {
  name?: string;
  clientId: string;
  password: string;
  poolSize?: number;
  commandTimeoutMs?: number;
  logger?: RegistryLogger;
}

export interface EppPortConfig extends Common {
  adapter: "epp";
  host: string;
  port: number;
  /** PEM to trust (the mock's certificate, or a registry's CA). */
  tlsCa?: string;
  /** Accept any server certificate: only for the local mock. */
  tlsInsecure?: boolean;
  clientCert?: { cert: string; key: string };
  connectTimeoutMs?: number;
  keepAliveMs?: number;
}

export interface InProcessPortConfig extends Common {
  adapter: "inprocess";
  registry?: InProcessConfig["registry"];
  purgeOnDelete?: InProcessConfig["purgeOnDelete"];
}

export type RegistryPortConfig = EppPortConfig | InProcessPortConfig;

export function createRegistryPort(config: RegistryPortConfig): RegistryPort {
  if (config.adapter === "inprocess") {
    return createInProcessPort(config);
  }
  return createEppPort({
    ...config,
    ca: config.tlsCa,
    insecure: config.tlsInsecure,
    connectTimeoutMs: config.connectTimeoutMs ?? 10_000,
  });
}
