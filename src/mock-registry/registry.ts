/**
 * The simulated registry: policies, state, clock and faults, and the sessions that run commands.
 * Everything that changes state goes through `commit()`, which runs due lifecycle events first.
 */
import { DEFAULT_ACCOUNTS, type RegistrarAccount } from "./config/accounts";
import { DEFAULT_TLDS } from "./config/tlds";
import type { RegistryDialect, TldPolicy } from "./config/tld-policy";
import { Faults, type FaultTable } from "./faults";
import { runDueEvents } from "./lifecycle/sweep";
import type { PollPayload } from "./model/records";
import { fail } from "./model/result-codes";
import { currentPhase, type PhaseWindow } from "./policy/phases";
import { RegistryClock } from "./state/clock";
import { Persistence } from "./state/persistence";
import { RegistryStore } from "./state/store";
import { RegistrySession } from "./session";

export interface MockRegistryOptions {
  /** Where state lives; null keeps it in memory only. */
  dataDir?: string | null;
  tlds?: TldPolicy[];
  /** Added to the default TLDs (tests add the `example` and `tld` TLDs of the RFC fixtures). */
  extraTlds?: TldPolicy[];
  accounts?: RegistrarAccount[];
  /** Freeze the clock at this instant (ISO string or epoch ms) when the state is created. */
  frozenAt?: string | number;
  /**
   * Launch phases and promotions are placed relative to this instant (default: when the state is
   * created, or frozenAt). A state begun with its clock in the past keeps today's phases.
   */
  anchorAt?: string | number;
  faults?: FaultTable;
  random?: () => number;
  /**
   * Dialect choices by TLD, over each TLD's own; the key "*" applies to every TLD (the contract suite
   * runs the platform against each dialect this way).
   */
  dialects?: Record<string, Partial<RegistryDialect>>;
  /**
   * A test environment's registry: domain:delete releases the name at once, from any grace or from
   * redemption, as OT&E sandboxes let registrars start over (the API sandbox's registry, decision 126).
   */
  purgeOnDelete?: boolean;
}

const instant = (at: string | number) => (typeof at === "number" ? at : Date.parse(at));

export class MockRegistry {
  readonly tlds: ReadonlyMap<string, TldPolicy>;
  readonly store: RegistryStore;
  readonly clock: RegistryClock;
  readonly faults: Faults;
  readonly accounts: ReadonlyMap<string, RegistrarAccount>;
  readonly purgeOnDelete: boolean;
  private readonly persistence?: Persistence;
  private readonly sessionCounts = new Map<string, number>();

  constructor(options: MockRegistryOptions = {}) {
    const tlds = [...(options.tlds ?? DEFAULT_TLDS), ...(options.extraTlds ?? [])];
    const dialects = options.dialects ?? {};
    this.tlds = new Map(
      tlds.map((t) => [t.tld, { ...t, dialect: { ...t.dialect, ...dialects["*"], ...dialects[t.tld] } }] as const),
    );
    this.accounts = new Map((options.accounts ?? DEFAULT_ACCOUNTS).map((a) => [a.clID, a]));
    this.faults = new Faults(options.faults, options.random);
    this.purgeOnDelete = options.purgeOnDelete ?? false;
    const now = Date.now();
    this.store = new RegistryStore({ anchor: now, clockOffsetMs: 0, seq: 0, nextDueAt: Infinity });
    this.clock = new RegistryClock(this.store);
    if (options.dataDir) {
      this.persistence = new Persistence(options.dataDir);
      if (this.persistence.load(this.store)) {
        this.store.takeChanges();
        return;
      }
    }
    if (options.frozenAt !== undefined) {
      const at = instant(options.frozenAt);
      this.store.meta.anchor = at;
      this.clock.freeze(at);
    }
    if (options.anchorAt !== undefined) this.store.meta.anchor = instant(options.anchorAt);
    for (const a of this.accounts.values()) {
      this.store.accounts.put(a.clID, { clID: a.clID, balance: a.balance, creditLimit: a.creditLimit });
    }
    this.store.touchMeta();
    this.flush();
  }

  /** Whether `dataDir` already holds a registry's state (a registry opened on it would load it). */
  static hasState(dataDir: string): boolean {
    return Persistence.exists(dataDir);
  }

  openSession(): RegistrySession {
    return new RegistrySession(this);
  }

  now(): number {
    return this.clock.now();
  }

  /** Lifecycle events due by now happen before any command sees the state. */
  catchUp(): void {
    const now = this.clock.now();
    if (now >= this.store.meta.nextDueAt) runDueEvents(this, now);
  }

  flush(): void {
    const changes = this.store.takeChanges();
    this.persistence?.append(changes, this.store);
  }

  advanceClock(ms: number): void {
    this.clock.advance(ms);
    this.catchUp();
    this.flush();
  }

  close(): void {
    this.flush();
    this.persistence?.compact(this.store);
    this.persistence?.release();
  }

  policyFor(tld: string): TldPolicy | undefined {
    return this.tlds.get(tld);
  }

  phaseOf(policy: TldPolicy, at = this.clock.now()): PhaseWindow {
    return currentPhase(policy, this.store.meta.anchor, at);
  }

  /** Registry-served TLD a name falls under (for host names: the last label). */
  tldOf(name: string): string | undefined {
    const tld = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    return this.tlds.has(tld) ? tld : undefined;
  }

  roid(prefix: "D" | "H" | "C" | "A", tld = "MOCK"): string {
    return `${prefix}${this.store.nextSeq()}-${
      tld
        .replace(/[^A-Za-z0-9]/g, "")
        .slice(0, 8)
        .toUpperCase() || "MOCK"
    }`;
  }

  schedule(at: number): void {
    if (at < this.store.meta.nextDueAt) {
      this.store.meta.nextDueAt = at;
      this.store.touchMeta();
    }
  }

  enqueuePoll(clID: string, qDate: number, msg: string, payload?: PollPayload): void {
    const id = String(this.store.nextSeq());
    this.store.polls.put(id, { id, clID, qDate, msg, payload });
  }

  /** Debits the registrar's prepaid account; RFC 5730 2104 when funds and credit run out. */
  charge(clID: string, amount: number): void {
    const acct = this.store.accounts.get(clID);
    if (!acct) fail(2104, "Registrar is missing the billing account map for this currency type.");
    if (acct.balance + acct.creditLimit < amount) fail(2104, "Registrar has insufficient funds for this operation.");
    acct.balance -= amount;
    this.store.accounts.put(clID, acct);
  }

  refund(clID: string, amount: number): void {
    const acct = this.store.accounts.get(clID);
    if (!acct || amount <= 0) return;
    acct.balance += amount;
    this.store.accounts.put(clID, acct);
  }

  /** Counts a session against the registrar's limit; false when the limit is reached. */
  acquireSessionSlot(clID: string): boolean {
    const account = this.accounts.get(clID);
    const limit = this.faults.sessionLimit() ?? account?.maxSessions ?? 10;
    const used = this.sessionCounts.get(clID) ?? 0;
    if (used >= limit) return false;
    this.sessionCounts.set(clID, used + 1);
    return true;
  }

  /** Logged-in sessions per registrar, for the admin console and tests. */
  sessionsInUse(): Record<string, number> {
    return Object.fromEntries([...this.sessionCounts].filter(([, n]) => n > 0));
  }

  releaseSessionSlot(clID: string): void {
    this.sessionCounts.set(clID, Math.max(0, (this.sessionCounts.get(clID) ?? 1) - 1));
  }
}
