import { describe, expect, it } from "vitest";
import { MockRegistry } from "@/mock-registry";
import { EppError, createRegistryPort, type RegistryLogEntry } from "@/server/registry";

describe("the in-process adapter", () => {
  it("logs each operation as JSON with auth codes masked, like the EPP adapter", async () => {
    const entries: RegistryLogEntry[] = [];
    const port = createRegistryPort({
      adapter: "inprocess",
      registry: new MockRegistry({ dataDir: null }),
      clientId: "platform",
      password: "platform-dev-pass",
      logger: (e) => entries.push(e),
    });
    await port.createDomain({ name: "quiet.net", authInfo: "hush-hush-1" });
    await port.infoDomain({ name: "quiet.net" });
    expect(entries.map((e) => [e.operation, e.code])).toEqual([
      ["createDomain", 1000],
      ["infoDomain", 1000],
    ]);
    expect(JSON.stringify(entries)).not.toContain("hush-hush-1");
    expect(entries[1].response).toContain('"authInfo":"***"');
    await port.close();
  });

  it("refuses a wrong password with 2200 as the registry does at login", async () => {
    const port = createRegistryPort({ adapter: "inprocess", clientId: "platform", password: "not-the-password" });
    const error = await port.checkDomains({ names: ["a.com"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EppError);
    expect((error as EppError).code).toBe(2200);
    await port.close();
  });
});
