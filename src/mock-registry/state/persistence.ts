/**
 * Durable state as a snapshot plus an append-only journal (see docs/decisions/020). Each command's
 * changes are one synchronous append; the snapshot is rewritten atomically (temp file + rename) when
 * the journal grows long and on close, then the journal is truncated. The journal stays open in append
 * mode between commands: one write per command instead of open, write and close (docs/decisions/024).
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import type { JournalEntry, RegistryMeta, RegistryStore } from "./store";

const COMPACT_AFTER_LINES = 20_000;

interface Snapshot {
  version: 1;
  meta: RegistryMeta;
  collections: Record<string, [string, unknown][]>;
}

export class Persistence {
  private journalLines = 0;
  private fd?: number;
  private readonly snapshotPath: string;
  private readonly journalPath: string;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.snapshotPath = path.join(dir, "state.json");
    this.journalPath = path.join(dir, "journal.ndjson");
  }

  /** Whether `dir` holds a snapshot or a journal with anything in it. */
  static exists(dir: string): boolean {
    const journal = path.join(dir, "journal.ndjson");
    return existsSync(path.join(dir, "state.json")) || (existsSync(journal) && statSync(journal).size > 0);
  }

  /** Reads the snapshot and replays the journal; a torn last line (crash mid-append) is ignored. */
  load(store: RegistryStore): boolean {
    let found = false;
    if (existsSync(this.snapshotPath)) {
      const snap = JSON.parse(readFileSync(this.snapshotPath, "utf8")) as Snapshot;
      store.meta = snap.meta;
      for (const c of store.collections()) {
        for (const [k, v] of snap.collections[c.name] ?? []) c.restore(k, v);
      }
      found = true;
    }
    if (existsSync(this.journalPath)) {
      const lines = readFileSync(this.journalPath, "utf8").split("\n");
      for (const line of lines) {
        if (!line) continue;
        try {
          store.apply(JSON.parse(line) as JournalEntry);
          this.journalLines += 1;
          found = true;
        } catch {
          break;
        }
      }
    }
    return found;
  }

  append(entries: JournalEntry[], store: RegistryStore): void {
    if (entries.length === 0) return;
    this.fd ??= openSync(this.journalPath, "a");
    let lines = "";
    for (const e of entries) lines += JSON.stringify(e) + "\n";
    const bytes = Buffer.from(lines, "utf8");
    for (let done = 0; done < bytes.length;) done += writeSync(this.fd, bytes, done);
    this.journalLines += entries.length;
    if (this.journalLines > COMPACT_AFTER_LINES) this.compact(store);
  }

  compact(store: RegistryStore): void {
    const snap: Snapshot = { version: 1, meta: store.meta, collections: {} };
    for (const c of store.collections()) snap.collections[c.name] = [...c.entries()];
    const tmp = `${this.snapshotPath}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(snap));
    renameSync(tmp, this.snapshotPath);
    // Truncating by path is safe with the journal open: an O_APPEND descriptor writes at the new end.
    writeFileSync(this.journalPath, "");
    this.journalLines = 0;
  }

  /** Closes the journal file; a later append reopens it. */
  release(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
