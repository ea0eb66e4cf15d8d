/**
 * The process's view of cache invalidations (decision 095): an epoch that moves on every change, the
 * tagged caches that listen, and whether invalidations are arriving at all ("live"). Kept on
 * globalThis because Next bundles the proxy and every route separately, and all of them must see the
 * same notifications. No imports, so the proxy can use it without pulling in the database driver.
 */
export type Invalidation = "all" | readonly string[];
type Bus = { epoch: number; live: boolean; subscribers: Set<(what: Invalidation) => void> };

const KEY = Symbol.for("registrar-platform.cache-bus");

function bus(): Bus {
  const holder = globalThis as unknown as Record<symbol, Bus | undefined>;
  return (holder[KEY] ??= { epoch: 0, live: false, subscribers: new Set() });
}

/** Moves on every invalidation: a load that started before a move must not be stored. */
export function cacheEpoch(): number {
  return bus().epoch;
}

/** True while this process receives every change; caches store nothing otherwise. */
export function cacheLive(): boolean {
  return bus().live;
}

export function onInvalidate(fn: (what: Invalidation) => void): () => void {
  bus().subscribers.add(fn);
  return () => bus().subscribers.delete(fn);
}

export function invalidate(what: Invalidation): void {
  const b = bus();
  b.epoch++;
  for (const fn of b.subscribers) fn(what);
}

/** Losing the listener loses notifications: everything cached may be stale from then on. */
export function setCacheLive(live: boolean): void {
  const b = bus();
  if (b.live && !live) invalidate("all");
  b.live = live;
}

/** "all" or space-separated tags, as the database's app_cache_notify() sends them. */
export function parseInvalidation(payload: string): Invalidation {
  const tags = payload.split(" ").filter(Boolean);
  return tags.length === 0 || tags.includes("all") ? "all" : tags;
}
