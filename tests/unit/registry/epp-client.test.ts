/** The platform's EPP client: pooling, reconnecting, keep-alive, certificate checks and the audit hook. */
import { afterEach, describe, expect, it } from "vitest";
import { startMockRegistry, type RunningMockRegistry, type StartMockRegistryOptions } from "@/mock-registry";
import { RegistryRouter, createRegistryPort, type RegistryLogEntry, type RegistryPort } from "@/server/registry";
import { FROZEN_AT, testTls } from "../../support/epp-test-registry";
import { expectTransport } from "./contract/helpers";

let running: RunningMockRegistry | undefined;
const ports: RegistryPort[] = [];
const clientFrames: string[] = [];

async function setup(
  server: StartMockRegistryOptions = {},
  client: { poolSize?: number; keepAliveMs?: number; logger?: (e: RegistryLogEntry) => void } = {},
) {
  running = await startMockRegistry({
    port: 0,
    adminPort: null,
    dataDir: null,
    frozenAt: FROZEN_AT,
    tls: testTls(),
    onFrame: (d, xml) => d === "client" && clientFrames.push(xml),
    ...server,
  });
  const port = createRegistryPort({
    adapter: "epp",
    host: "127.0.0.1",
    port: running.port,
    tlsCa: running.certPem,
    clientId: "platform",
    password: "platform-dev-pass",
    ...client,
  });
  ports.push(port);
  return port;
}

afterEach(async () => {
  for (const p of ports.splice(0)) await p.close();
  await running?.close();
  clientFrames.length = 0;
});

describe("the EPP client adapter", () => {
  it("logs every operation with auth codes and passwords masked", async () => {
    const entries: RegistryLogEntry[] = [];
    const port = await setup({}, { logger: (e) => entries.push(e) });
    await port.createDomain({ name: "logged.com", authInfo: "very-secret-code" });
    await port.infoDomain({ name: "logged.com" });
    expect(entries.map((e) => [e.operation, e.code])).toEqual([
      ["login", 1000],
      ["createDomain", 1000],
      ["infoDomain", 1000],
    ]);
    const all = JSON.stringify(entries);
    expect(all).not.toContain("very-secret-code");
    expect(all).not.toContain("platform-dev-pass");
    expect(entries[1].request).toContain("<domain:pw>***</domain:pw>");
    expect(entries[2].response).toContain("<domain:pw>***</domain:pw>");
    expect(entries[1].svTRID).toMatch(/^MR/);
  });

  it("reconnects transparently after the registry closed an idle session", async () => {
    const port = await setup({ idleTimeoutMs: 100 });
    await port.checkDomains({ names: ["a.com"] });
    // Wait for the registry to end the session, then give the client a moment to see the close.
    while (running?.admin.sessions().platform) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    expect((await port.checkDomains({ names: ["a.com"] })).code).toBe(1000);
    expect(clientFrames.filter((f) => f.includes("<login>"))).toHaveLength(2);
  });

  it("keeps idle sessions alive with hello, never on a session a command is using", async () => {
    const port = await setup({}, { keepAliveMs: 10, poolSize: 1 });
    for (let i = 0; i < 25; i++) {
      expect((await port.checkDomains({ names: [`k${i}.com`] })).code).toBe(1000);
      await new Promise((r) => setTimeout(r, 12 + (i % 3) * 5));
    }
    expect(clientFrames.some((f) => f.includes("<hello/>"))).toBe(true);
  });

  it("never opens more sessions than its pool size, queueing the rest", async () => {
    const port = await setup({}, { poolSize: 2 });
    running?.admin.setFaults("com", { latencyMs: 20 });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => port.checkDomains({ names: [`q${i}.com`] })));
    expect(results.every((r) => r.code === 1000)).toBe(true);
    expect(clientFrames.filter((f) => f.includes("<login>"))).toHaveLength(2);
  });

  it("refuses a registry whose certificate it does not trust", async () => {
    await setup();
    const untrusting = createRegistryPort({
      adapter: "epp",
      host: "127.0.0.1",
      port: running?.port ?? 0,
      clientId: "platform",
      password: "platform-dev-pass",
    });
    ports.push(untrusting);
    await expectTransport(untrusting.checkDomains({ names: ["a.com"] }), "connection");
  });

  it("routes each TLD to its registry and splits a multi-TLD check per registry", async () => {
    const port = await setup();
    const other = createRegistryPort({ adapter: "inprocess", clientId: "platform", password: "platform-dev-pass" });
    const router = new RegistryRouter({ byTld: { org: other }, fallback: port });
    const checks = await router.checkDomains(["one.com", "two.org", "three.net"]);
    expect(checks.map((c) => c.name)).toEqual(["one.com", "two.org", "three.net"]);
    expect(router.forDomain("x.org")).toBe(other);
    expect(() => new RegistryRouter({ byTld: {} }).forTld("com")).toThrow(/No registry/);
    await other.close();
  });
});
