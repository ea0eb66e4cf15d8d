/**
 * A process's first requests come before its cache listener is subscribed (decision 135). Until it
 * is, nothing may be kept: a change committed then is never notified to it, so a kept value could be
 * served stale for as long as it lives. Requests that come while it is connecting wait for it and
 * share one load instead of each loading for itself. The API key cache obeys the same rules.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBarrier, freshAsOf } from "@/server/cache/barrier";
import { invalidate, setCacheConnecting, setCacheLive } from "@/server/cache/bus";
import { taggedCache } from "@/server/cache/tagged-cache";

type Row = { id: string; secretHash: string; revokedAt: Date | null };
const rows = new Map<string, Row>();
const reads = vi.fn(async ({ where }: { where: { secretHash: string } }) => {
  const row = rows.get(where.secretHash);
  return row ? { ...row } : null;
});

vi.mock("@/server/db", () => ({
  db: { apiKey: { findUnique: (args: { where: { secretHash: string } }) => reads(args) } },
}));
// The listener is played by the test through the bus: no connection is made here.
vi.mock("@/server/cache/listen", () => ({
  apiKeyTag: (id: string) => `api_key:${id}`,
  ensureCacheListener: () => undefined,
  cacheListenerReady: async () => undefined,
  stopCacheListener: async () => undefined,
}));

const { findApiKeyByHash } = await import("@/server/api-keys/key-cache");

function listenerOnItsWay() {
  let settle!: (live: boolean) => void;
  const connecting = new Promise<boolean>((resolve) => (settle = resolve));
  setCacheConnecting(connecting);
  return {
    subscribed(barrier: (() => Promise<boolean>) | null = null) {
      setCacheLive(true, barrier);
      settle(true);
      setCacheConnecting(null);
    },
    failed() {
      settle(false);
      setCacheConnecting(null);
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("caches on a process's cold start", () => {
  beforeEach(() => {
    rows.clear();
    reads.mockClear();
  });
  afterEach(() => {
    setCacheConnecting(null);
    setCacheLive(false);
  });

  it("reads through and keeps nothing until the listener is subscribed, so a change made meanwhile is seen at once", async () => {
    const cache = taggedCache<string>({ tags: () => ["reseller:r1"], max: 10 });
    let price = "10.00";
    expect(await cache.get("r1", async () => price)).toBe("10.00");
    // Committed while nobody listens: no notification will ever say so.
    price = "12.00";
    expect(await cache.get("r1", async () => price)).toBe("12.00");
    expect(cache.size()).toBe(0);

    rows.set("h1", { id: "k1", secretHash: "h1", revokedAt: null });
    expect(await findApiKeyByHash("h1")).toMatchObject({ revokedAt: null });
    rows.set("h1", { id: "k1", secretHash: "h1", revokedAt: new Date() });
    expect(await findApiKeyByHash("h1")).toMatchObject({ revokedAt: expect.any(Date) });
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it("does not keep a key read before the listener was subscribed, even when the read ends after", async () => {
    rows.set("h2", { id: "k2", secretHash: "h2", revokedAt: null });
    let release!: () => void;
    reads.mockImplementationOnce(async ({ where }) => {
      const row = { ...(rows.get(where.secretHash) as Row) };
      await new Promise<void>((r) => (release = r));
      return row;
    });
    const early = findApiKeyByHash("h2");
    await tick();
    // The listener comes up while that read is on its way, and the key is revoked unheard before it.
    setCacheLive(true);
    rows.set("h2", { id: "k2", secretHash: "h2", revokedAt: new Date() });
    release();
    expect(await early).toMatchObject({ revokedAt: null });
    expect(await findApiKeyByHash("h2")).toMatchObject({ revokedAt: expect.any(Date) });
  });

  it("makes a burst that comes while the listener connects share one load, kept once it is subscribed", async () => {
    const listener = listenerOnItsWay();
    const cache = taggedCache<string>({ tags: () => ["reseller:r1"], max: 10 });
    const load = vi.fn(async () => "context");
    const burst = Array.from({ length: 8 }, () => cache.get("r1", load));
    await tick();
    expect(load).not.toHaveBeenCalled();
    listener.subscribed();
    expect(await Promise.all(burst)).toEqual(Array(8).fill("context"));
    expect(load).toHaveBeenCalledTimes(1);
    expect(await cache.get("r1", load)).toBe("context");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("reads through when the listener fails to connect, keeping nothing", async () => {
    const listener = listenerOnItsWay();
    const cache = taggedCache<string>({ tags: () => [], max: 10 });
    const load = vi.fn(async () => "v");
    const waiting = cache.get("k", load);
    listener.failed();
    expect(await waiting).toBe("v");
    expect(cache.size()).toBe(0);
  });

  it("does not hand a later caller a load that began before a change it must see", async () => {
    const sent: string[] = [];
    const barrier = createBarrier({ notifySelf: async (token) => void sent.push(token) }, 5_000);
    setCacheLive(true, () => barrier.wait());
    const cache = taggedCache<string>({ tags: () => ["reseller:r1"], max: 10 });
    let release!: (v: string) => void;
    const first = cache.get("r1", () => new Promise<string>((r) => (release = r)));
    // Another process commits a new price, then a request comes here before its notification does.
    const second = cache.get("r1", async () => "new");
    await tick();
    invalidate(["reseller:r1"]);
    barrier.heard(sent[0] as string);
    release("old");
    expect(await first).toBe("old");
    expect(await second).toBe("new");
  });

  it("proves a request's later caches with the round sent for its first, never with one sent before it came", async () => {
    const sent: string[] = [];
    const barrier = createBarrier({ notifySelf: async (token) => void sent.push(token) }, 5_000);
    const arrived = performance.now();
    const request = freshAsOf(arrived, async () => {
      const key = barrier.wait();
      await tick();
      const context = barrier.wait(); // the key's round left after this request came: it proves both
      barrier.heard(sent[0] as string);
      return [await key, await context, await barrier.wait()];
    });
    expect(await request).toEqual([true, true, true]);
    expect(sent).toHaveLength(1);
    // A request that comes after that round left must wait for a round of its own.
    const late = freshAsOf(performance.now(), () => barrier.wait());
    await tick();
    expect(sent).toHaveLength(2);
    barrier.heard(sent[1] as string);
    expect(await late).toBe(true);
  });
});
