/**
 * In-memory collections whose changes are collected per command and handed to persistence as
 * journal entries. Handlers mutate a record and then `put` it; the value is serialized at flush time,
 * so several puts in one command cost one journal line.
 */
import type {
  AccountRecord,
  ApplicationRecord,
  ContactRecord,
  DomainRecord,
  HostRecord,
  PollRecord,
} from "../model/records";

export interface RegistryMeta {
  /** The moment this registry's state was created; launch phases are relative to it. */
  anchor: number;
  clockOffsetMs: number;
  frozenAt?: number;
  seq: number;
  /** Earliest moment a time-driven event (auto-renew, grace end, purge...) is due. */
  nextDueAt: number;
}

export interface JournalEntry {
  c: string;
  k: string;
  v: unknown;
}

export class Collection<T> {
  private readonly map = new Map<string, T>();

  constructor(
    readonly name: string,
    private readonly changed: (c: string, k: string) => void,
  ) {}

  get(key: string): T | undefined {
    return this.map.get(key);
  }

  put(key: string, value: T): void {
    this.map.set(key, value);
    this.changed(this.name, key);
  }

  delete(key: string): void {
    this.map.delete(key);
    this.changed(this.name, key);
  }

  values(): IterableIterator<T> {
    return this.map.values();
  }

  entries(): IterableIterator<[string, T]> {
    return this.map.entries();
  }

  get size(): number {
    return this.map.size;
  }

  /** Loading from disk is not a change. */
  restore(key: string, value: T | null): void {
    if (value === null) this.map.delete(key);
    else this.map.set(key, value);
  }
}

export class RegistryStore {
  private readonly dirty = new Map<string, { c: string; k: string }>();
  private readonly track = (c: string, k: string) => this.dirty.set(`${c}\u0000${k}`, { c, k });

  readonly domains = new Collection<DomainRecord>("domains", this.track);
  readonly hosts = new Collection<HostRecord>("hosts", this.track);
  readonly contacts = new Collection<ContactRecord>("contacts", this.track);
  readonly applications = new Collection<ApplicationRecord>("applications", this.track);
  readonly polls = new Collection<PollRecord>("polls", this.track);
  readonly accounts = new Collection<AccountRecord>("accounts", this.track);

  constructor(public meta: RegistryMeta) {}

  touchMeta(): void {
    this.track("meta", "meta");
  }

  collections(): Collection<unknown>[] {
    return [
      this.domains,
      this.hosts,
      this.contacts,
      this.applications,
      this.polls,
      this.accounts,
    ] as Collection<unknown>[];
  }

  /** Changes since the last call, with their current values (null = deleted). */
  takeChanges(): JournalEntry[] {
    if (this.dirty.size === 0) return [];
    const byName = new Map(this.collections().map((c) => [c.name, c]));
    const out: JournalEntry[] = [];
    for (const { c, k } of this.dirty.values()) {
      const v = c === "meta" ? this.meta : (byName.get(c)?.get(k) ?? null);
      out.push({ c, k, v });
    }
    this.dirty.clear();
    return out;
  }

  apply(entry: JournalEntry): void {
    if (entry.c === "meta") {
      this.meta = entry.v as RegistryMeta;
      return;
    }
    this.collections()
      .find((c) => c.name === entry.c)
      ?.restore(entry.k, entry.v as never);
  }

  nextSeq(): number {
    this.meta.seq += 1;
    this.touchMeta();
    return this.meta.seq;
  }
}
