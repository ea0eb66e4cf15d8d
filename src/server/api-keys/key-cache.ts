/**
 * API key rows kept in each process, so a request does not read its key from the database
 * (decision 108). A trigger on "ApiKey" notifies the `api_key` channel at commit with the changed
 * key's id (revocation, expiry, scopes, allowlist …); the process's cache listener (cache/listen.ts,
 * the same connection as the storefront caches' since decision 135) hears it as the tag
 * `api_key:<id>` and this cache drops that key. A cached row is served only after the listener's
 * read barrier (decision 103: it hears its own NOTIFY back, so every change committed before the
 * request has been heard), which makes a revocation hold on the very next request in every process,
 * not just usually. Until the listener is subscribed nothing is stored and every request reads the
 * row. Expiry needs no notification: it is compared with the clock on every request.
 */
import { db } from "@/server/db";
import type { ApiKey } from "@/generated/prisma/client";
import { cacheEpoch, cacheLive, cacheLiveSoon, cacheSynced, onInvalidate } from "@/server/cache/bus";
import { apiKeyTag, cacheListenerReady, ensureCacheListener, stopCacheListener } from "@/server/cache/listen";

const MAX_KEYS = 10_000;

type State = { byHash: Map<string, ApiKey> };

// On globalThis: Next bundles each route and action apart, and all of them must share one cache.
const KEY = Symbol.for("registrar-platform.api-key-cache");
const holder = globalThis as unknown as Record<symbol, State | undefined>;

function state(): State {
  let s = holder[KEY];
  if (!s) {
    const fresh: State = { byHash: new Map() };
    holder[KEY] = s = fresh;
    onInvalidate((what) => {
      if (what === "all") fresh.byHash.clear();
      else for (const [hash, row] of fresh.byHash) if (what.includes(apiKeyTag(row.id))) fresh.byHash.delete(hash);
    });
  }
  return s;
}

/** Resolves once this process hears key changes (benchmarks and the second-process test helper wait for it). */
export const apiKeyListenerReady = cacheListenerReady;
export const stopApiKeyListener = stopCacheListener;

/** The key whose secret hashes to this, from this process's copy when that is known to be current. */
export async function findApiKeyByHash(secretHash: string): Promise<ApiKey | null> {
  const s = state();
  if (s.byHash.has(secretHash) && (await cacheSynced())) {
    // Re-read after the barrier: a change heard meanwhile has dropped it.
    const hit = s.byHash.get(secretHash);
    if (hit) return hit;
  }
  ensureCacheListener();
  const live = cacheLive() || (await cacheLiveSoon());
  const epoch = cacheEpoch();
  const row = await db.apiKey.findUnique({ where: { secretHash } });
  // Unknown keys are not remembered: a guesser must not fill the cache. Nor is a row read before the
  // listener was subscribed, or while a change was heard: it may predate a revocation.
  if (row && live && cacheLive() && cacheEpoch() === epoch) {
    s.byHash.delete(secretHash);
    s.byHash.set(secretHash, row);
    while (s.byHash.size > MAX_KEYS) s.byHash.delete(s.byHash.keys().next().value as string);
  }
  return row;
}

/**
 * The cached row at once, with whether it was still current once the barrier is back. For reads only:
 * the caller may work meanwhile but must not answer before `current` says true (decision 108).
 */
export function peekApiKey(secretHash: string): { row: ApiKey; current: Promise<boolean> } | null {
  const s = state();
  const row = s.byHash.get(secretHash);
  if (!row || !cacheLive()) return null;
  return { row, current: cacheSynced().then((ok) => ok && s.byHash.get(secretHash) === row) };
}
