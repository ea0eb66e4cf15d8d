import { afterEach, describe, expect, it } from "vitest";
import { MockRegistry, OBJ_URIS, type FaultTable } from "@/mock-registry";

const FROZEN_AT = "2026-06-01T00:00:00.000Z";
let registry: MockRegistry | undefined;

afterEach(() => registry?.close());

/** A logged-in session on a fresh in-memory registry whose fault dice always roll `roll`. */
function sessionWith(faults: FaultTable, roll: number) {
  registry = new MockRegistry({ dataDir: null, frozenAt: FROZEN_AT, faults, random: () => roll });
  const session = registry.openSession();
  const login = session.login({
    clID: "platform",
    pw: "platform-dev-pass",
    version: "1.0",
    lang: "en",
    objURIs: OBJ_URIS,
    extURIs: [],
  });
  expect(login.response.code).toBe(1000);
  return { session, registry };
}

const create = (name: string) => ({
  type: "domain:create" as const,
  name,
  ns: [],
  contacts: [],
  authInfo: "Secret-123!",
});

describe("the mock registry's fault kinds", () => {
  it("refuses a command with 2502 and closes the session, and the command has no effect", async () => {
    const { session, registry } = sessionWith({ "*": { sessionLimitExceeded: 0.5 } }, 0.1);
    const outcome = await session.execute(create("shed-session.com"));
    expect(outcome.response.code).toBe(2502);
    expect(outcome.response.message).toMatch(/session limit/i);
    expect(outcome.delivery).toBe("respond");
    expect(outcome.closeSession).toBe(true);
    expect(registry.store.domains.get("shed-session.com")).toBeUndefined();
  });

  it("lets the command through when the 2502 dice miss", async () => {
    const { session, registry } = sessionWith({ "*": { sessionLimitExceeded: 0.5 } }, 0.9);
    expect((await session.execute(create("kept-session.com"))).response.code).toBe(1000);
    expect(registry.store.domains.get("kept-session.com")?.clID).toBe("platform");
  });

  it("adds latency only to the share of commands latencyChance gives", async () => {
    const slow = sessionWith({ com: { latencyMs: 150, latencyChance: 0.3 } }, 0.1);
    let started = Date.now();
    expect((await slow.session.execute(create("slow-one.com"))).response.code).toBe(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    slow.registry.close();

    const fast = sessionWith({ com: { latencyMs: 150, latencyChance: 0.3 } }, 0.9);
    started = Date.now();
    expect((await fast.session.execute(create("fast-one.com"))).response.code).toBe(1000);
    expect(Date.now() - started).toBeLessThan(140);
  });

  it("adds latency to every command when no chance is given, as before", async () => {
    const { session } = sessionWith({ com: { latencyMs: 100 } }, 0.99);
    const started = Date.now();
    await session.execute(create("always-slow.com"));
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });
});
