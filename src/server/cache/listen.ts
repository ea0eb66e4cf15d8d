/**
 * One LISTEN connection per process on the app_cache channel (decision 095): the database's triggers
 * notify it at every commit that changes storefront settings, and the caches drop what it names.
 * Until the LISTEN is acknowledged, and whenever the connection is lost, the caches are bypassed
 * (bus.ts), so a missed notification can never leave a stale entry behind. The same connection is
 * the caches' read barrier (barrier.ts): a hit waits until every earlier commit has been heard.
 * The API key cache listens on the same connection (the `api_key` channel, heard as the tag
 * `api_key:<id>`), so one barrier round serves a request that consults both (decision 135).
 */
import pg from "pg";
import { env } from "@/env";
import { createBarrier } from "./barrier";
import { cacheLive, invalidate, parseInvalidation, setCacheConnecting, setCacheLive, type Invalidation } from "./bus";

export const CACHE_CHANNEL = "app_cache";
/** The "ApiKey" table's trigger (decision 108) names a key id, or "all" on TRUNCATE. */
export const API_KEY_CHANNEL = "api_key";

export const apiKeyTag = (id: string) => `api_key:${id}`;

function apiKeyInvalidation(payload: string): Invalidation {
  return !payload || payload === "all" ? "all" : [apiKeyTag(payload)];
}

// Past its timeout a hit is not trusted and the database answers instead (a stalled listener must not stall pages).
type Listener = { client: pg.Client | null; stopped: boolean; retryMs: number; url: string; barrierTimeoutMs: number };
const KEY = Symbol.for("registrar-platform.cache-listener");
const holder = globalThis as unknown as Record<symbol, Listener | undefined>;

async function connect(state: Listener): Promise<void> {
  if (state.stopped) return;
  const client = new pg.Client({ connectionString: state.url, application_name: "app-cache-listener" });
  state.client = client;
  // This process's own channel: only it hears its barriers.
  const syncChannel = `app_cache_sync_${crypto.randomUUID().replaceAll("-", "")}`;
  const barrier = createBarrier(
    { notifySelf: (token) => client.query("select pg_notify($1, $2)", [syncChannel, token]) },
    state.barrierTimeoutMs,
  );
  const lost = () => {
    if (state.client !== client) return;
    state.client = null;
    barrier.fail();
    setCacheLive(false);
    client.end().catch(() => undefined);
    if (state.stopped) return;
    const timer = setTimeout(() => void connect(state), state.retryMs);
    timer.unref();
    state.retryMs = Math.min(state.retryMs * 2, 10_000);
  };
  client.on("error", lost);
  client.on("end", lost);
  client.on("notification", (msg) => {
    if (msg.channel === CACHE_CHANNEL) invalidate(parseInvalidation(msg.payload ?? "all"));
    else if (msg.channel === API_KEY_CHANNEL) invalidate(apiKeyInvalidation(msg.payload ?? ""));
    else if (msg.channel === syncChannel) barrier.heard(msg.payload ?? "");
  });
  let settle!: (live: boolean) => void;
  const connecting = new Promise<boolean>((resolve) => (settle = resolve));
  // A first request waits this long at most for the listener, then reads through (bus.cacheLiveSoon).
  const timer = setTimeout(() => settle(false), state.barrierTimeoutMs);
  timer.unref();
  setCacheConnecting(connecting);
  try {
    await client.connect();
    // A barrier's NOTIFY is a commit; nothing in it needs to survive a crash.
    await client.query("SET synchronous_commit = off");
    await client.query(`LISTEN ${CACHE_CHANNEL}`);
    await client.query(`LISTEN ${API_KEY_CHANNEL}`);
    await client.query(`LISTEN ${syncChannel}`);
    if (state.client !== client) return;
    state.retryMs = 250;
    setCacheLive(true, () => barrier.wait());
  } catch {
    lost();
  } finally {
    clearTimeout(timer);
    settle(cacheLive());
    setCacheConnecting(null, connecting);
  }
}

/** Starts listening once per process; a process without a database simply never caches. */
export function ensureCacheListener(): void {
  if (holder[KEY]) return;
  const { DATABASE_URL: url, CACHE_BARRIER_TIMEOUT_MS: barrierTimeoutMs } = env();
  if (!url) return;
  const state: Listener = { client: null, stopped: false, retryMs: 250, url, barrierTimeoutMs };
  holder[KEY] = state;
  void connect(state);
}

/** Resolves once the listener is live (tests and benchmarks wait for it before measuring). */
export async function cacheListenerReady(timeoutMs = 5_000): Promise<void> {
  ensureCacheListener();
  const until = Date.now() + timeoutMs;
  while (!cacheLive()) {
    if (Date.now() > until) throw new Error("the cache listener did not connect");
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function stopCacheListener(): Promise<void> {
  const state = holder[KEY];
  if (!state) return;
  holder[KEY] = undefined;
  state.stopped = true;
  const client = state.client;
  state.client = null;
  setCacheLive(false);
  setCacheConnecting(null);
  await client?.end().catch(() => undefined);
}
