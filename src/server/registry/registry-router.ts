/**
 * TLDs belong to different registry operators, each with its own EPP endpoint and account. The
 * router picks the port for a name and splits multi-TLD checks into one check per registry.
 */
import type { RegistryPort } from "./core/port";
import type { DomainCheck } from "./core/types";

export interface RegistryRoutes {
  /** tld -> port; several TLDs usually share one operator's port. */
  byTld: Record<string, RegistryPort>;
  fallback?: RegistryPort;
}

export function tldOf(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1).toLowerCase();
}

export class RegistryRouter {
  constructor(private readonly routes: RegistryRoutes) {}

  forTld(tld: string): RegistryPort {
    const port = this.routes.byTld[tld.toLowerCase()] ?? this.routes.fallback;
    if (!port) throw new Error(`No registry is configured for .${tld}`);
    return port;
  }

  forDomain(name: string): RegistryPort {
    return this.forTld(tldOf(name));
  }

  /** One check command per registry, run in parallel, answers in the order asked. */
  async checkDomains(names: string[], years?: number): Promise<DomainCheck[]> {
    const groups = new Map<RegistryPort, string[]>();
    for (const n of names) {
      const port = this.forDomain(n);
      groups.set(port, [...(groups.get(port) ?? []), n]);
    }
    const results = await Promise.all(
      [...groups].map(async ([port, group]) => (await port.checkDomains({ names: group, years })).data),
    );
    const byName = new Map(results.flat().map((r) => [r.name, r]));
    return names.map((n) => byName.get(n.toLowerCase()) ?? byName.get(n)).filter((r): r is DomainCheck => Boolean(r));
  }

  async close(): Promise<void> {
    const ports = new Set([
      ...Object.values(this.routes.byTld),
      ...(this.routes.fallback ? [this.routes.fallback] : []),
    ]);
    await Promise.all([...ports].map((p) => p.close()));
  }
}
