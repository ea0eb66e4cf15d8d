/**
 * Faults to test the platform against, per operation: a refusal, an outage before anything happens,
 * a delay, or the nastiest one, the operation taking effect and the answer never arriving (the
 * connection dropped, or held past the client's timeout).
 */
export type FaultScope = "submit" | "getMark" | "correct" | "renew" | "proofOfUse" | "lists" | "cnis" | "all";
export type FaultMode = "refuse" | "unavailable" | "rate_limited" | "delay" | "drop_after_effect" | "hang_after_effect";
export type FaultSpec = { mode: FaultMode; delayMs?: number; times?: number; message?: string };

export const FAULT_SCOPES: FaultScope[] = [
  "submit",
  "getMark",
  "correct",
  "renew",
  "proofOfUse",
  "lists",
  "cnis",
  "all",
];
export const FAULT_MODES: FaultMode[] = [
  "refuse",
  "unavailable",
  "rate_limited",
  "delay",
  "drop_after_effect",
  "hang_after_effect",
];

export class Faults {
  private readonly specs = new Map<FaultScope, FaultSpec>();

  set(scope: FaultScope, spec: FaultSpec): void {
    this.specs.set(scope, { ...spec });
  }

  clear(scope?: FaultScope): void {
    if (scope) this.specs.delete(scope);
    else this.specs.clear();
  }

  list(): Record<string, FaultSpec> {
    return Object.fromEntries(this.specs);
  }

  /** The fault for this operation, used up once when it has a count. */
  take(op: Exclude<FaultScope, "all">): FaultSpec | undefined {
    const scope = this.specs.has(op) ? op : this.specs.has("all") ? "all" : undefined;
    if (!scope) return undefined;
    const spec = this.specs.get(scope)!;
    if (spec.times !== undefined) {
      spec.times -= 1;
      if (spec.times <= 0) this.specs.delete(scope);
    }
    return spec;
  }
}
