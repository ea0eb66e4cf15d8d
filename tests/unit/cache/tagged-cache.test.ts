import { afterEach, describe, expect, it } from "vitest";
import { invalidate, parseInvalidation, setCacheLive } from "@/server/cache/bus";
import { taggedCache } from "@/server/cache/tagged-cache";

function counter(values: string[]) {
  let calls = 0;
  return { load: async () => values[calls++] ?? "later", calls: () => calls };
}

describe("tagged in-process cache", () => {
  afterEach(() => setCacheLive(false));

  it("loads once while live, and again after a notification names one of the entry's tags", async () => {
    setCacheLive(true);
    const cache = taggedCache<string>({ tags: (key) => [`host:${key}`, "reseller:r1"], max: 10 });
    const src = counter(["v1", "v2"]);
    expect(await cache.get("a.example", src.load)).toBe("v1");
    expect(await cache.get("a.example", src.load)).toBe("v1");
    invalidate(["reseller:r2"]);
    expect(await cache.get("a.example", src.load)).toBe("v1");
    invalidate(parseInvalidation("reseller:r1 host:a.example"));
    expect(await cache.get("a.example", src.load)).toBe("v2");
    expect(src.calls()).toBe(2);
  });

  it("stores nothing while the process is not receiving notifications, and forgets all when it stops", async () => {
    const cache = taggedCache<string>({ tags: () => [], max: 10 });
    const src = counter(["v1", "v2", "v3"]);
    expect(await cache.get("k", src.load)).toBe("v1");
    expect(await cache.get("k", src.load)).toBe("v2");
    setCacheLive(true);
    expect(await cache.get("k", src.load)).toBe("v3");
    setCacheLive(false);
    setCacheLive(true);
    expect(await cache.get("k", src.load)).toBe("later");
  });

  it("does not keep a value whose load began before a change was notified", async () => {
    setCacheLive(true);
    const cache = taggedCache<string>({ tags: () => ["reseller:r1"], max: 10 });
    let release: (v: string) => void = () => undefined;
    const slow = cache.get("k", () => new Promise<string>((r) => (release = r)));
    invalidate(["reseller:r1"]); // the save commits while the old row is on its way
    release("old");
    expect(await slow).toBe("old");
    expect(await cache.get("k", async () => "new")).toBe("new");
  });

  it("expires an entry at the moment its value stops being true, and evicts the oldest past its bound", async () => {
    setCacheLive(true);
    const cache = taggedCache<string>({ tags: () => [], expiresAt: () => Date.now() - 1, max: 2 });
    const src = counter(["v1", "v2"]);
    await cache.get("k", src.load);
    expect(await cache.get("k", src.load)).toBe("v2");
    const bounded = taggedCache<number>({ tags: () => [], max: 2 });
    for (const k of ["a", "b", "c"]) await bounded.get(k, async () => 1);
    expect(bounded.size()).toBe(2);
    expect(bounded.peek("a")).toBeUndefined();
  });
});
