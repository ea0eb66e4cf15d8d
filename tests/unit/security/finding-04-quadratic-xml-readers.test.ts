/**
 * Finding 4: both XML readers copied their namespace table on every element that declared one, so a
 * frame of namespace declarations cost (declarations x declaring elements): a 218 KB frame held the
 * mock registry for 13-26 s, a 1 MB response held the platform's client for minutes. Both readers now
 * answer or refuse such frames at once (speed itself is measured by `npm run bench -- xml`).
 */
import { afterEach, describe, expect, it } from "vitest";
import { startMockRegistry, type RunningMockRegistry } from "@/mock-registry";
import { parseXml, XmlSyntaxError, type XNode } from "@/mock-registry/epp/xml";
import { createRegistryPort, RegistryTransportError, type RegistryPort } from "@/server/registry";
import { readXml } from "@/server/registry/epp/xml-reader";
import { RawEppClient, resultCode } from "../../support/epp-raw-client";
import { FROZEN_AT, testTls } from "../../support/epp-test-registry";
import { clTRIDOf, eppResponse, startFakeEppServer, type FakeEppServer } from "../../support/fake-epp-server";
import { namespaceFlood, type Flood } from "../../support/xml-floods";

const EPP = "urn:ietf:params:xml:ns:epp-1.0";
const MB = 1_048_576;
const UNLIMITED = { attributes: Infinity, namespaceDeclarations: Infinity };

function expectFloodRead(root: XNode, flood: Flood): void {
  expect(root).toMatchObject({ ns: EPP, local: "epp" });
  const kids = root.children[0].children;
  expect(kids).toHaveLength(flood.declaringElements + 1);
  for (const i of [0, 1, Math.floor(flood.declaringElements / 2), flood.declaringElements - 1]) {
    expect(kids[i]).toMatchObject({ ns: `v${i}`, local: "x" });
  }
  expect(kids[flood.declaringElements]).toMatchObject({ ns: "u0", local: "last" });
}

let running: RunningMockRegistry | undefined;
let fake: FakeEppServer | undefined;
const clients: RawEppClient[] = [];
const ports: RegistryPort[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const p of ports.splice(0)) await p.close();
  await running?.close();
  await fake?.close();
  running = undefined;
  fake = undefined;
});

describe("security finding 04: XML readers are linear in their input", () => {
  const flood = namespaceFlood(MB);
  const spread = namespaceFlood(MB, { rootShare: 0 });

  it("the mock registry's reader refuses a 1 MB frame of namespace declarations at its limits", () => {
    expect(() => parseXml(flood.xml)).toThrow(XmlSyntaxError);
    expect(() => parseXml(flood.xml)).toThrow(/more than 64 attributes on <epp>/);
    expect(() => parseXml(spread.xml)).toThrow(/more than 256 namespace declarations/);
  });

  it("the mock registry's reader, with its limits lifted, reads a 1 MB frame of namespace declarations correctly", () => {
    expectFloodRead(parseXml(flood.xml, UNLIMITED), flood);
  });

  it("the EPP client's reader refuses a 1 MB frame of namespace declarations at its limits", () => {
    expect(() => readXml(flood.xml)).toThrow(/Malformed XML.*more than 128 attributes on <epp>/);
    expect(() => readXml(spread.xml)).toThrow(/Malformed XML.*more than 4096 namespace declarations/);
  });

  it("the EPP client's reader, with its limits lifted, reads a 1 MB frame of namespace declarations correctly", () => {
    expectFloodRead(readXml(flood.xml, UNLIMITED), flood);
  });

  it("both readers still undo a declaration at the end of the element that made it", () => {
    const xml = `<epp xmlns="${EPP}" xmlns:p="urn:outer"><p:a xmlns:p="urn:inner" xmlns="urn:d"><p:b/><c/></p:a><p:e/><f xmlns:p="urn:self"/><p:g/></epp>`;
    for (const root of [parseXml(xml), readXml(xml)]) {
      const [a, e, f, g] = root.children;
      expect([a.ns, a.children[0].ns, a.children[1].ns]).toEqual(["urn:inner", "urn:inner", "urn:d"]);
      expect([e.ns, f.ns, g.ns]).toEqual(["urn:outer", EPP, "urn:outer"]);
    }
  });

  it("the mock registry answers a 250 KB frame of namespace declarations sent before login with 2001, and keeps serving", async () => {
    running = await startMockRegistry({ port: 0, adminPort: null, dataDir: null, frozenAt: FROZEN_AT, tls: testTls() });
    const attacker = await RawEppClient.connect(running.port, running.certPem);
    clients.push(attacker);
    expect(await attacker.next()).toContain("<greeting>");
    const reply = await attacker.send(namespaceFlood(250_000).xml);
    expect(resultCode(reply)).toBe(2001);
    expect(reply).toContain("more than 64 attributes");
    expect(await attacker.send(`<epp xmlns="${EPP}"><hello/></epp>`)).toContain("<greeting>");
    const registrar = await RawEppClient.connect(running.port, running.certPem);
    clients.push(registrar);
    expect(await registrar.next()).toContain("<greeting>");
    expect(resultCode(await registrar.login())).toBe(1000);
  });

  it("the EPP client refuses a registry's 1 MB response of namespace declarations as a protocol error", async () => {
    fake = await startFakeEppServer((request) =>
      request.includes("<login>")
        ? eppResponse(1000, clTRIDOf(request))
        : namespaceFlood(MB, { wrapper: "response" }).xml,
    );
    const port = createRegistryPort({
      adapter: "epp",
      host: "127.0.0.1",
      port: fake.port,
      tlsCa: fake.certPem,
      clientId: "platform",
      password: "platform-dev-pass",
    });
    ports.push(port);
    const error = await port.checkDomains({ names: ["a.com"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryTransportError);
    expect(error).toMatchObject({ kind: "protocol", mayHaveTakenEffect: true });
    expect((error as Error).message).toMatch(/more than 128 attributes/);
  });
});
