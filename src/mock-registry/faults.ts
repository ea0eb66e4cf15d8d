/**
 * Faults switched on per TLD ("*" = every command) for tests, benchmarks and demos. Each probability
 * is between 0 and 1; 1 makes the fault deterministic.
 */
export interface FaultSpec {
  /** Added before the command runs. */
  latencyMs?: number;
  /** Chance that `latencyMs` is added to a command; unset adds it to every command. */
  latencyChance?: number;
  /** The command takes effect, but its response never leaves the registry. */
  timeoutAfterCommit?: number;
  /** The connection is cut before the command runs. */
  dropConnection?: number;
  /** The command fails with 2400 without effect. */
  commandFailed?: number;
  /** The command is refused with 2502 without effect and the session is closed (a registry shedding sessions). */
  sessionLimitExceeded?: number;
  /** Maximum concurrent sessions per registrar (2502 beyond it); only the "*" entry applies. */
  sessionLimit?: number;
  /** Commands per registrar per second of registry time (2400 beyond it). */
  rateLimitPerSecond?: number;
}

export type FaultTable = Record<string, FaultSpec>;

export class Faults {
  private table = new Map<string, FaultSpec>();
  private readonly windows = new Map<string, { second: number; count: number }>();

  constructor(
    initial: FaultTable = {},
    private readonly random: () => number = Math.random,
  ) {
    for (const [k, v] of Object.entries(initial)) this.table.set(k, v);
  }

  set(scope: string, spec: FaultSpec): void {
    this.table.set(scope, { ...spec });
  }

  clear(scope?: string): void {
    if (scope) this.table.delete(scope);
    else this.table.clear();
    this.windows.clear();
  }

  list(): FaultTable {
    return Object.fromEntries(this.table);
  }

  /** The TLD's own spec wins over the global one, field by field. */
  effective(tld: string | undefined): FaultSpec {
    return { ...this.table.get("*"), ...(tld ? this.table.get(tld) : undefined) };
  }

  sessionLimit(): number | undefined {
    return this.table.get("*")?.sessionLimit;
  }

  roll(probability: number | undefined): boolean {
    return probability !== undefined && probability > 0 && this.random() < probability;
  }

  /** Counts one command against the registrar's per-second budget for the scope. */
  overRate(clID: string, tld: string | undefined, limit: number | undefined, now: number): boolean {
    if (limit === undefined) return false;
    const key = `${clID}|${tld ?? "*"}`;
    const second = Math.floor(now / 1000);
    const w = this.windows.get(key);
    if (!w || w.second !== second) {
      this.windows.set(key, { second, count: 1 });
      return 1 > limit;
    }
    w.count += 1;
    return w.count > limit;
  }
}
