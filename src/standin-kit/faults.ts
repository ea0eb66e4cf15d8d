/**
 * Faults to test the platform against, per operation, shared by the stand-ins of outside services
 * (CA, TMCH): a refusal, an outage before anything happens, a delay, or the nastiest one, the
 * operation taking effect and the answer never arriving (the connection dropped, or held past the
 * client's timeout). Each stand-in names its own operations; "all" covers every one of them.
 */
export type FaultMode = "refuse" | "unavailable" | "rate_limited" | "delay" | "drop_after_effect" | "hang_after_effect";
export type FaultSpec = { mode: FaultMode; delayMs?: number; times?: number; message?: string };

export const FAULT_MODES: FaultMode[] = [
  "refuse",
  "unavailable",
  "rate_limited",
  "delay",
  "drop_after_effect",
  "hang_after_effect",
];

export class Faults<Scope extends string> {
  private readonly specs = new Map<Scope | "all", FaultSpec>();

  set(scope: Scope | "all", spec: FaultSpec): void {
    this.specs.set(scope, { ...spec });
  }

  clear(scope?: Scope | "all"): void {
    if (scope) this.specs.delete(scope);
    else this.specs.clear();
  }

  list(): Record<string, FaultSpec> {
    return Object.fromEntries(this.specs);
  }

  /** The fault for this operation, used up once when it has a count. */
  take(op: Scope): FaultSpec | undefined {
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
