import { afterEach, describe, expect, it } from "vitest";
import { createBarrier } from "@/server/cache/barrier";
import { invalidate, setCacheLive } from "@/server/cache/bus";
import { taggedCache } from "@/server/cache/tagged-cache";

/** A fake listening connection: each NOTIFY it sends is "heard" when the test says so. */
function wire() {
  const sent: string[] = [];
  return { sent, conn: { notifySelf: async (token: string) => void sent.push(token) } };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("the cache's read barrier", () => {
  afterEach(() => setCacheLive(false));

  it("lets callers of one moment share a round, and makes a later caller wait for a round sent after it", async () => {
    const { sent, conn } = wire();
    const barrier = createBarrier(conn, 5_000);
    const a = barrier.wait();
    const b = barrier.wait();
    await tick();
    expect(sent).toHaveLength(1);
    const c = barrier.wait(); // arrives while round 1 is on the wire: round 1 proves nothing for it
    let cDone = false;
    void c.then(() => (cDone = true));
    barrier.heard(sent[0]!);
    expect(await a).toBe(true);
    expect(await b).toBe(true);
    await tick();
    expect(cDone).toBe(false);
    expect(sent).toHaveLength(2);
    barrier.heard(sent[1]!);
    expect(await c).toBe(true);
  });

  it("answers false when the connection is lost or its answer is late, and ignores a late answer", async () => {
    const { sent, conn } = wire();
    const barrier = createBarrier(conn, 30);
    const late = barrier.wait();
    expect(await late).toBe(false);
    barrier.heard(sent[0]!);
    const next = barrier.wait();
    await tick();
    const queued = barrier.wait();
    barrier.fail();
    expect(await next).toBe(false);
    expect(await queued).toBe(false);
  });

  it("serves a hit only once a change heard before the barrier's answer has dropped it", async () => {
    const { sent, conn } = wire();
    const barrier = createBarrier(conn, 5_000);
    setCacheLive(true, () => barrier.wait());
    const cache = taggedCache<string>({ tags: () => ["reseller:r1"], max: 10 });
    let version = "v1";
    const load = async () => version;
    const first = cache.get("k", load);
    expect(await first).toBe("v1");
    // Another process commits v2; its notification is on the wire when the next request comes.
    version = "v2";
    const second = cache.get("k", load);
    await tick();
    invalidate(["reseller:r1"]);
    barrier.heard(sent[0]!);
    expect(await second).toBe("v2");
  });
});
