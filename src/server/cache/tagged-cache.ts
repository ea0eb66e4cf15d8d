/**
 * A bounded in-process cache whose entries carry tags ("reseller:ID", "host:NAME") and go when a
 * notification names one of them (bus.ts). A hit is served only after the listener's barrier, so a
 * change committed anywhere before the request is never answered from the old entry. It stores only
 * while the process is listening, and never a value whose load began before an invalidation, so a
 * change committed during a load cannot be overwritten by the old value the load read. Until the
 * listener is subscribed every caller reads through; a caller that comes while it is connecting
 * waits for it (bounded) instead, so a cold process's burst shares one load.
 */
import { cacheEpoch, cacheLive, cacheLiveSoon, cacheSynced, onInvalidate, type Invalidation } from "./bus";

type Entry<V> = { value: V; tags: readonly string[]; expiresAt: number };

export type TaggedCache<V> = {
  get(key: string, load: () => Promise<V>): Promise<V>;
  peek(key: string): V | undefined;
  size(): number;
};

export type TaggedCacheOptions<V> = {
  /** Tags of a loaded value; "all" invalidations clear everything regardless. */
  tags: (key: string, value: V) => readonly string[];
  /** When a value stops being true by itself (a promotion's end); Infinity when only a write changes it. */
  expiresAt?: (value: V) => number;
  max: number;
  /** Lets another bundle of this process (the proxy) peek at it through `peekNamed`. */
  name?: string;
};

const REGISTRY = Symbol.for("registrar-platform.named-caches");

function named(): Map<string, TaggedCache<unknown>> {
  const holder = globalThis as unknown as Record<symbol, Map<string, TaggedCache<unknown>> | undefined>;
  return (holder[REGISTRY] ??= new Map());
}

export function peekNamed<V>(name: string, key: string): V | undefined {
  return named().get(name)?.peek(key) as V | undefined;
}

function matches(tags: readonly string[], what: Invalidation): boolean {
  return what === "all" || tags.some((t) => what.includes(t));
}

export function taggedCache<V>(opts: TaggedCacheOptions<V>): TaggedCache<V> {
  const entries = new Map<string, Entry<V>>();
  const loading = new Map<string, { epoch: number; promise: Promise<V> }>();
  onInvalidate((what) => {
    if (what === "all") entries.clear();
    else for (const [key, e] of entries) if (matches(e.tags, what)) entries.delete(key);
  });

  function store(key: string, value: V): void {
    entries.delete(key);
    entries.set(key, { value, tags: opts.tags(key, value), expiresAt: opts.expiresAt?.(value) ?? Infinity });
    // Oldest first in a Map: a flood of unknown hosts evicts only itself and the coldest entries.
    while (entries.size > opts.max) entries.delete(entries.keys().next().value as string);
  }

  const cache: TaggedCache<V> = {
    async get(key, load) {
      const hit = entries.get(key);
      if (hit && hit.expiresAt <= Date.now()) entries.delete(key);
      // Another process may have committed a change whose notification is still on its way: a hit
      // counts only once everything committed before this call has been heard (and not dropped it).
      if (hit && hit.expiresAt > Date.now() && (await cacheSynced())) {
        const fresh = entries.get(key);
        if (fresh && fresh.expiresAt > Date.now()) return fresh.value;
      }
      // A process's first requests wait for its listener rather than each loading for itself (decision 135).
      if (!cacheLive() && !(await cacheLiveSoon())) return load();
      const pending = loading.get(key);
      // A load already running may have read before a change this caller must see: it is shared only
      // when nothing was heard between its start and this caller's barrier.
      if (pending && pending.epoch === cacheEpoch() && (await cacheSynced()) && pending.epoch === cacheEpoch())
        return pending.promise;
      if (!cacheLive()) return load();
      const epoch = cacheEpoch();
      const promise = load();
      loading.set(key, { epoch, promise });
      try {
        const value = await promise;
        if (cacheEpoch() === epoch && cacheLive()) store(key, value);
        return value;
      } finally {
        if (loading.get(key)?.promise === promise) loading.delete(key);
      }
    },
    peek(key) {
      const hit = entries.get(key);
      return hit && hit.expiresAt > Date.now() ? hit.value : undefined;
    },
    size: () => entries.size,
  };
  if (opts.name) named().set(opts.name, cache as TaggedCache<unknown>);
  return cache;
}
