/** The mock registry's loopback admin console, as the chaos run uses it: faults, clock, domains, balances. */
import { z } from "zod";

const domainSchema = z.object({
  name: z.string(),
  roid: z.string(),
  sponsor: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  transfer: z.object({ status: z.string(), requestedBy: z.string(), requestedAt: z.string() }).nullable(),
});

export type RegistryDomain = z.infer<typeof domainSchema>;

/** Fault probabilities as the mock's FaultSpec names them. */
export type FaultSpec = {
  latencyMs?: number;
  latencyChance?: number;
  timeoutAfterCommit?: number;
  dropConnection?: number;
  commandFailed?: number;
  sessionLimitExceeded?: number;
  sessionLimit?: number;
};

export class RegistryAdminClient {
  constructor(private readonly port: number) {}

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const payload: unknown = await res.json();
    if (!res.ok) throw new Error(`registry admin ${method} ${path}: ${res.status} ${JSON.stringify(payload)}`);
    return payload;
  }

  async ready(): Promise<boolean> {
    try {
      await this.call("GET", "/status");
      return true;
    } catch {
      return false;
    }
  }

  async setFaults(spec: FaultSpec): Promise<void> {
    await this.call("PUT", "/faults/*", spec);
  }

  async advanceClock(days: number): Promise<string> {
    return z.object({ now: z.string() }).parse(await this.call("POST", "/clock/advance", { days })).now;
  }

  async domains(sponsor?: string): Promise<RegistryDomain[]> {
    const query = sponsor ? `?sponsor=${encodeURIComponent(sponsor)}` : "";
    return z.array(domainSchema).parse(await this.call("GET", `/domains${query}`));
  }

  async balance(clID: string): Promise<number> {
    return z.object({ balance: z.number() }).parse(await this.call("GET", `/accounts/${clID}`)).balance;
  }
}

/** Registry sessions each of the run's processes keeps (REGISTRY_POOL_SIZE). */
export const SESSIONS_PER_PROCESS = 4;

/**
 * The registry's settings for the run. The session limit fits every process's pool (the mock's
 * default of ten per registrar would refuse logins as a side effect, not as a chosen fault). Every
 * fault kind gets the same probability, chosen so that a command meets at least one of them with
 * probability `rate`; latency stays under the command timeout: slow, but answered.
 */
export function registrySettings(opts: { rate: number; commandTimeoutMs: number; processes: number }): FaultSpec {
  const sessionLimit = (opts.processes + 1) * SESSIONS_PER_PROCESS;
  if (opts.rate <= 0) return { sessionLimit };
  const each = Math.round((1 - Math.pow(1 - opts.rate, 1 / 5)) * 10_000) / 10_000;
  return {
    sessionLimit,
    latencyMs: Math.round(opts.commandTimeoutMs * 0.4),
    latencyChance: each,
    timeoutAfterCommit: each,
    dropConnection: each,
    commandFailed: each,
    sessionLimitExceeded: each,
  };
}
