/**
 * The process's view of cache invalidations (decision 095): an epoch that moves on every change, the
 * tagged caches that listen, and whether invalidations are arriving at all ("live"). Kept on
 * globalThis because Next bundles the proxy and every route separately, and all of them must see the
 * same notifications. No imports, so the proxy can use it without pulling in the database driver.
 */
export type Invalidation = "all" | readonly string[];
type Bus = {
  epoch: number;
  live: boolean;
  subscribers: Set<(what: Invalidation) => void>;
  /** Resolves true once every change committed before the call has been heard (listen.ts). */
  barrier: (() => Promise<boolean>) | null;
  /** While a listener is connecting: true once it is live, false if it fails or takes too long. */
  connecting: Promise<boolean> | null;
};

const KEY = Symbol.for("registrar-platform.cache-bus");

function bus(): Bus {
  const holder = globalThis as unknown as Record<symbol, Bus | undefined>;
  return (holder[KEY] ??= { epoch: 0, live: false, subscribers: new Set(), barrier: null, connecting: null });
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

/**
 * Losing the listener loses notifications: everything cached may be stale from then on. A live
 * listener brings its barrier; without one (a test's process, where invalidations are direct calls)
 * everything is heard the moment it happens.
 */
export function setCacheLive(live: boolean, barrier: (() => Promise<boolean>) | null = null): void {
  const b = bus();
  if (b.live && !live) invalidate("all");
  b.live = live;
  b.barrier = live ? barrier : null;
}

/** A listener is on its way (`connecting` settles when it is live or has failed); null: none, or only this one is over. */
export function setCacheConnecting(connecting: Promise<boolean> | null, over?: Promise<boolean>): void {
  const b = bus();
  if (over === undefined || b.connecting === over) b.connecting = connecting;
}

/**
 * Whether the caches may store, waiting for a listener that is connecting (a process's first
 * requests): they then share one load instead of each loading for itself (decision 135). False
 * with no listener on its way: the caller reads through and stores nothing.
 */
export async function cacheLiveSoon(): Promise<boolean> {
  const b = bus();
  if (b.live) return true;
  return b.connecting ? (await b.connecting) && b.live : false;
}

/**
 * Waits until this process has heard of every change committed before the call, so a cached value
 * read after it is as fresh as the database was when the request arrived. False when that cannot be
 * known (the listener is down or slow): the caller then reads the database.
 */
export async function cacheSynced(): Promise<boolean> {
  const b = bus();
  if (!b.live) return false;
  return b.barrier ? b.barrier() : true;
}

/** "all" or space-separated tags, as the database's app_cache_notify() sends them. */
export function parseInvalidation(payload: string): Invalidation {
  const tags = payload.split(" ").filter(Boolean);
  return tags.length === 0 || tags.includes("all") ? "all" : tags;
}
