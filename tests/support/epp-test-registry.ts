/** Starts a mock registry and two registrar ports on it, through EPP or in-process, for tests. */
import { startMockRegistry, MockRegistry, RegistryAdmin, defineTld, type RegistryDialect } from "@/mock-registry";
import { ensureCertificate, type TlsMaterial } from "@/mock-registry/epp/tls-cert";
import { createRegistryPort, type RegistryPort } from "@/server/registry";

/** Registry time in tests: frozen, and the anchor of every TLD's launch phases. */
export const FROZEN_AT = "2026-06-01T00:00:00.000Z";

/** The TLDs of the RFC/Nomulus example frames, so those frames get real answers. */
export const FIXTURE_TLDS = [
  defineTld({
    tld: "tld",
    operator: "fixtures",
    prices: { create: 1300, renew: 1300, transfer: 1300, restore: 4000 },
    transferLockDays: 0,
    claims: { "example-one": "2010072100/1/2/3/rJ1NrDO92vDsAzf7EQzgjX4R0000000001" },
    phases: [
      { phase: "claims", startDay: -10 },
      { phase: "open", startDay: 80 },
    ],
  }),
  defineTld({
    tld: "example",
    operator: "fixtures",
    prices: { create: 2000, renew: 2000, transfer: 2000, restore: 4000 },
    transferLockDays: 0,
    // Nomulus's frames name no contacts (its registry runs without them), so its sunrise create is sent as it is.
    contacts: "prohibited",
    phases: [
      { phase: "sunrise", startDay: -5 },
      { phase: "open", startDay: 30 },
    ],
  }),
];

export interface ContractEnv {
  platform: RegistryPort;
  rival: RegistryPort;
  admin: RegistryAdmin;
  registry: MockRegistry;
  close(): Promise<void>;
}

let tls: TlsMaterial | undefined;
export function testTls(): TlsMaterial {
  tls ??= ensureCertificate(null);
  return tls;
}

export const COMMAND_TIMEOUT_MS = 1_500;

/** Choices of the mock's per-TLD dialect, applied to every TLD (docs/decisions/082). */
export interface EnvOptions {
  dialect?: Partial<RegistryDialect>;
}

export async function inProcessEnv(options: EnvOptions = {}): Promise<ContractEnv> {
  const registry = new MockRegistry({
    dataDir: null,
    frozenAt: FROZEN_AT,
    extraTlds: FIXTURE_TLDS,
    dialects: options.dialect && { "*": options.dialect },
  });
  const port = (clientId: string, password: string) =>
    createRegistryPort({ adapter: "inprocess", registry, clientId, password, commandTimeoutMs: COMMAND_TIMEOUT_MS });
  const platform = port("platform", "platform-dev-pass");
  const rival = port("rival", "rival-dev-pass");
  return {
    platform,
    rival,
    registry,
    admin: new RegistryAdmin(registry),
    close: async () => {
      await platform.close();
      await rival.close();
    },
  };
}

export async function eppEnv(
  onFrame?: (direction: "client" | "server", xml: string) => void,
  options: EnvOptions = {},
): Promise<ContractEnv & { port: number }> {
  const running = await startMockRegistry({
    port: 0,
    adminPort: null,
    dataDir: null,
    frozenAt: FROZEN_AT,
    extraTlds: FIXTURE_TLDS,
    dialects: options.dialect && { "*": options.dialect },
    tls: testTls(),
    onFrame,
  });
  const port = (clientId: string, password: string) =>
    createRegistryPort({
      adapter: "epp",
      host: "127.0.0.1",
      port: running.port,
      tlsCa: running.certPem,
      clientId,
      password,
      commandTimeoutMs: COMMAND_TIMEOUT_MS,
    });
  const platform = port("platform", "platform-dev-pass");
  const rival = port("rival", "rival-dev-pass");
  return {
    platform,
    rival,
    registry: running.registry,
    admin: running.admin,
    port: running.port,
    close: async () => {
      await platform.close();
      await rival.close();
      await running.close();
    },
  };
}
