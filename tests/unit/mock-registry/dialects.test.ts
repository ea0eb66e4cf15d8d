/** The per-TLD dialect: TLD defaults, the `dialects` option and MOCK_REGISTRY_DIALECTS (decision 082). */
import { afterEach, describe, expect, it } from "vitest";
import { MockRegistry, startMockRegistry } from "@/mock-registry";
import { testTls } from "../../support/epp-test-registry";

const saved = process.env.MOCK_REGISTRY_DIALECTS;
afterEach(() => {
  if (saved === undefined) delete process.env.MOCK_REGISTRY_DIALECTS;
  else process.env.MOCK_REGISTRY_DIALECTS = saved;
});

describe("registry dialects", () => {
  it("keeps every default TLD in the first dialect and lets options override it by TLD or for all", () => {
    const plain = new MockRegistry({ dataDir: null });
    expect(plain.policyFor("com")?.dialect).toEqual({ invalidNameInCheck: "unavailable", transferLock: "registry" });
    const mixed = new MockRegistry({
      dataDir: null,
      dialects: { "*": { transferLock: "registrar" }, io: { invalidNameInCheck: "error" } },
    });
    expect(mixed.policyFor("io")?.dialect).toEqual({ invalidNameInCheck: "error", transferLock: "registrar" });
    expect(mixed.policyFor("com")?.dialect).toEqual({ invalidNameInCheck: "unavailable", transferLock: "registrar" });
  });

  it("reads MOCK_REGISTRY_DIALECTS and refuses a choice that does not exist", async () => {
    process.env.MOCK_REGISTRY_DIALECTS = JSON.stringify({ io: { invalidNameInCheck: "error" } });
    const running = await startMockRegistry({ port: 5721, adminPort: null, dataDir: null, tls: testTls() });
    try {
      expect(running.registry.policyFor("io")?.dialect.invalidNameInCheck).toBe("error");
      expect(running.registry.policyFor("com")?.dialect.invalidNameInCheck).toBe("unavailable");
    } finally {
      await running.close();
    }
    process.env.MOCK_REGISTRY_DIALECTS = JSON.stringify({ io: { transferLock: "nobody" } });
    await expect(startMockRegistry({ port: 5721, adminPort: null, dataDir: null, tls: testTls() })).rejects.toThrow(
      /transferLock/,
    );
  });
});
