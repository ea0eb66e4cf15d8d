import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MockRegistry, RegistryAdmin, startMockRegistry } from "@/mock-registry";
import { createRegistryPort } from "@/server/registry";
import { testTls } from "../../support/epp-test-registry";

const dirs: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), "mock-registry-state-"));
  dirs.push(d);
  return d;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("the mock registry's state", () => {
  it("keeps a registered name, its clock and its poll messages across a server restart", async () => {
    const dir = dataDir();
    const first = await startMockRegistry({
      port: 0,
      adminPort: null,
      dataDir: dir,
      frozenAt: "2026-01-01T00:00:00.000Z",
      tls: testTls(),
    });
    const port = createRegistryPort({
      adapter: "epp",
      host: "127.0.0.1",
      port: first.port,
      tlsCa: first.certPem,
      clientId: "platform",
      password: "platform-dev-pass",
    });
    await port.createDomain({ name: "durable.com", authInfo: "secret-1" });
    first.admin.advanceClock({ days: 400 });
    await port.close();
    await first.close();

    const second = await startMockRegistry({ port: 0, adminPort: null, dataDir: dir, tls: testTls() });
    const again = createRegistryPort({
      adapter: "epp",
      host: "127.0.0.1",
      port: second.port,
      tlsCa: second.certPem,
      clientId: "platform",
      password: "platform-dev-pass",
    });
    const info = await again.infoDomain({ name: "durable.com" });
    expect(info.data.expiresAt).toBe("2028-01-01T00:00:00.000Z");
    expect(second.admin.now().toISOString()).toBe("2027-02-05T00:00:00.000Z");
    expect((await again.pollRequest({})).data?.message).toBe("Domain was auto-renewed.");
    await again.close();
    await second.close();
  });

  it("replays the journal after a crash and ignores a torn last line", async () => {
    const dir = dataDir();
    const registry = new MockRegistry({ dataDir: dir, frozenAt: "2026-01-01T00:00:00.000Z" });
    const session = registry.openSession();
    session.login({ clID: "platform", pw: "platform-dev-pass", version: "1.0", lang: "en", objURIs: [], extURIs: [] });
    await session.execute({ type: "domain:create", name: "crash.net", ns: [], contacts: [], authInfo: "secret-1" });
    // No close(): the process "dies" here, with half a line appended by a second write.
    appendFileSync(path.join(dir, "journal.ndjson"), '{"c":"domains","k":"half');
    const reborn = new MockRegistry({ dataDir: dir });
    expect(new RegistryAdmin(reborn).counts().domains).toBe(1);
    expect(reborn.store.domains.get("crash.net")?.clID).toBe("platform");
  });

  it("writes the snapshot atomically on close and empties the journal", async () => {
    const dir = dataDir();
    const registry = new MockRegistry({ dataDir: dir });
    registry.close();
    expect(JSON.parse(readFileSync(path.join(dir, "state.json"), "utf8")).version).toBe(1);
    expect(readFileSync(path.join(dir, "journal.ndjson"), "utf8")).toBe("");
  });

  it("keeps a changed registrar password", async () => {
    const registry = new MockRegistry({ dataDir: null });
    const s = registry.openSession();
    const login = { clID: "rival", version: "1.0", lang: "en", objURIs: [], extURIs: [] };
    expect(s.login({ ...login, pw: "rival-dev-pass", newPw: "rival-new-pass" }).response.code).toBe(1000);
    expect(registry.openSession().login({ ...login, pw: "rival-dev-pass" }).response.code).toBe(2200);
    expect(registry.openSession().login({ ...login, pw: "rival-new-pass" }).response.code).toBe(1000);
  });
});
