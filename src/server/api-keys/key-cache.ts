/**
 * API key rows kept in each process, so a request does not read its key from the database
 * (decision 108). A trigger on "ApiKey" notifies the `api_key` channel at commit with the changed
 * key's id (revocation, expiry, scopes, allowlist …); every process LISTENs on a connection of its
 * own and drops that key. A cached row is served only after the connection's read barrier (decision
 * 103: it hears its own NOTIFY back, so every change committed before the request has been heard),
 * which makes a revocation hold on the very next request in every process, not just usually. While
 * the listener is not live nothing is stored and every request reads the row. Expiry needs no
 * notification: it is compared with the clock on every request.
 */
import pg from "pg";
import { env } from "@/env";
import { db } from "@/server/db";
import type { ApiKey } from "@/generated/prisma/client";
import { createBarrier, type Barrier } from "@/server/cache/barrier";

export const API_KEY_CHANNEL = "api_key";
const MAX_KEYS = 10_000;
/** A barrier not back by then counts as failed: the request reads the row rather than wait on. */
const BARRIER_TIMEOUT_MS = 1_000;

type State = {
  byHash: Map<string, ApiKey>;
  /** Moves on every drop: a row read before a drop must not be stored after it. */
  epoch: number;
  client: pg.Client | null;
  /** Set while the listener is live. */
  barrier: Barrier | null;
  stopped: boolean;
  retryMs: number;
};

// On globalThis: Next bundles each route and action apart, and all of them must share one cache.
const KEY = Symbol.for("registrar-platform.api-key-cache");
const holder = globalThis as unknown as Record<symbol, State | undefined>;

function state(): State {
  return (holder[KEY] ??= {
    byHash: new Map(),
    epoch: 0,
    client: null,
    barrier: null,
    stopped: false,
    retryMs: 250,
  });
}

/** Forgets one key (by id) or every key. */
export function dropApiKey(id: string | "all"): void {
  const s = state();
  s.epoch++;
  if (id === "all") s.byHash.clear();
  else for (const [hash, row] of s.byHash) if (row.id === id) s.byHash.delete(hash);
}

async function connect(s: State, url: string): Promise<void> {
  if (s.stopped) return;
  const client = new pg.Client({ connectionString: url, application_name: "api-key-listener" });
  s.client = client;
  // This process's own channel: only it hears its barriers.
  const syncChannel = `api_key_sync_${crypto.randomUUID().replaceAll("-", "")}`;
  const barrier = createBarrier(
    { notifySelf: (token) => client.query("select pg_notify($1, $2)", [syncChannel, token]) },
    BARRIER_TIMEOUT_MS,
  );
  const lost = () => {
    if (s.client !== client) return;
    s.client = null;
    s.barrier = null;
    barrier.fail();
    dropApiKey("all");
    client.end().catch(() => undefined);
    if (s.stopped) return;
    const timer = setTimeout(() => void connect(s, url), s.retryMs);
    timer.unref();
    s.retryMs = Math.min(s.retryMs * 2, 10_000);
  };
  client.on("error", lost);
  client.on("end", lost);
  client.on("notification", (msg) => {
    if (msg.channel === API_KEY_CHANNEL) dropApiKey(msg.payload || "all");
    else if (msg.channel === syncChannel) barrier.heard(msg.payload ?? "");
  });
  try {
    await client.connect();
    // A barrier's NOTIFY is a commit; nothing in it needs to survive a crash.
    await client.query("SET synchronous_commit = off");
    await client.query(`LISTEN ${API_KEY_CHANNEL}`);
    await client.query(`LISTEN ${syncChannel}`);
    if (s.client !== client) return;
    s.retryMs = 250;
    dropApiKey("all");
    s.barrier = barrier;
  } catch {
    lost();
  }
}

export function ensureApiKeyListener(): void {
  const s = state();
  if (s.client || s.stopped) return;
  const url = env().DATABASE_URL;
  if (url) void connect(s, url);
}

/** Resolves once this process hears key changes (benchmarks and the second-process test helper wait for it). */
export async function apiKeyListenerReady(timeoutMs = 5_000): Promise<void> {
  ensureApiKeyListener();
  const until = Date.now() + timeoutMs;
  while (!state().barrier) {
    if (Date.now() > until) throw new Error("the API key listener did not connect");
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function stopApiKeyListener(): Promise<void> {
  const s = state();
  s.stopped = true;
  const client = s.client;
  s.client = null;
  s.barrier?.fail();
  s.barrier = null;
  dropApiKey("all");
  await client?.end().catch(() => undefined);
  s.stopped = false;
}

/** The key whose secret hashes to this, from this process's copy when that is known to be current. */
export async function findApiKeyByHash(secretHash: string): Promise<ApiKey | null> {
  const s = state();
  if (s.byHash.has(secretHash) && s.barrier && (await s.barrier.wait())) {
    // Re-read after the barrier: a change heard meanwhile has dropped it.
    const hit = s.byHash.get(secretHash);
    if (hit) return hit;
  }
  ensureApiKeyListener();
  const epoch = s.epoch;
  const row = await db.apiKey.findUnique({ where: { secretHash } });
  // Unknown keys are not remembered: a guesser must not fill the cache.
  if (row && s.barrier && s.epoch === epoch) {
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
  if (!row || !s.barrier) return null;
  return { row, current: s.barrier.wait().then((ok) => ok && s.byHash.get(secretHash) === row) };
}
