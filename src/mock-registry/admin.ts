/** The registry operator's console: move time, switch faults, fund accounts, set server statuses. */
import type { FaultSpec, FaultTable } from "./faults";
import { resolve } from "./lifecycle/allocation";
import { fail } from "./model/result-codes";
import { DAY_MS } from "./policy/dates";
import { SERVER_DOMAIN_STATUSES } from "./policy/statuses";
import type { MockRegistry } from "./registry";

export interface AdvanceBy {
  days?: number;
  hours?: number;
  ms?: number;
}

/** One domain as the operator sees it: who sponsors it, its dates and any transfer in flight. */
export interface DomainSummary {
  name: string;
  roid: string;
  sponsor: string;
  createdAt: string;
  expiresAt: string;
  transfer: { status: string; requestedBy: string; requestedAt: string } | null;
}

export class RegistryAdmin {
  constructor(private readonly reg: MockRegistry) {}

  now(): Date {
    return new Date(this.reg.now());
  }

  /** Moves registry time forward; everything that falls due happens, with its poll messages. */
  advanceClock(by: AdvanceBy): Date {
    const ms = (by.days ?? 0) * DAY_MS + (by.hours ?? 0) * 3_600_000 + (by.ms ?? 0);
    this.reg.advanceClock(ms);
    return this.now();
  }

  setFaults(scope: string, spec: FaultSpec): void {
    this.reg.faults.set(scope, spec);
  }

  clearFaults(scope?: string): void {
    this.reg.faults.clear(scope);
  }

  faults(): FaultTable {
    return this.reg.faults.list();
  }

  setBalance(clID: string, balance: number): void {
    const acct = this.reg.store.accounts.get(clID);
    if (!acct) throw new Error(`No registrar account ${clID}`);
    this.reg.store.accounts.put(clID, { ...acct, balance });
    this.reg.flush();
  }

  balance(clID: string): number {
    return this.reg.store.accounts.get(clID)?.balance ?? 0;
  }

  /** server* statuses are the registry's to set (e.g. a UDRP lock or serverHold for abuse). */
  setServerStatuses(name: string, change: { add?: string[]; rem?: string[] }): void {
    const d = this.reg.store.domains.get(name.toLowerCase());
    if (!d) throw new Error(`No domain ${name}`);
    for (const s of [...(change.add ?? []), ...(change.rem ?? [])]) {
      if (!SERVER_DOMAIN_STATUSES.includes(s)) throw new Error(`${s} is not a server status`);
    }
    d.statuses = [...new Set([...d.statuses.filter((s) => !(change.rem ?? []).includes(s)), ...(change.add ?? [])])];
    this.reg.store.domains.put(d.name, d);
    this.reg.flush();
  }

  /** Allocates a landrush application now (contention decided by the operator, e.g. after auction). */
  allocateApplication(id: string): void {
    const app = this.reg.store.applications.get(id);
    if (!app || app.status !== "pendingAllocation") fail(2303, "No pending application with this id.", id);
    const now = this.reg.now();
    for (const other of this.reg.store.applications.values()) {
      if (other.name === app.name && other.status === "pendingAllocation")
        resolve(this.reg, other, other.id === id, now);
    }
    this.reg.flush();
  }

  /** Every domain, or those one registrar sponsors, by name. */
  domains(sponsor?: string): DomainSummary[] {
    const iso = (ms: number) => new Date(ms).toISOString();
    return [...this.reg.store.domains.values()]
      .filter((d) => sponsor === undefined || d.clID === sponsor)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((d) => ({
        name: d.name,
        roid: d.roid,
        sponsor: d.clID,
        createdAt: iso(d.crDate),
        expiresAt: iso(d.exDate),
        transfer: d.transfer
          ? { status: d.transfer.status, requestedBy: d.transfer.reID, requestedAt: iso(d.transfer.reDate) }
          : null,
      }));
  }

  sessions(): Record<string, number> {
    return this.reg.sessionsInUse();
  }

  counts(): Record<string, number> {
    const s = this.reg.store;
    return {
      domains: s.domains.size,
      hosts: s.hosts.size,
      contacts: s.contacts.size,
      applications: s.applications.size,
      polls: s.polls.size,
    };
  }
}
