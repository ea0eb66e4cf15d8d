/**
 * Finding 10 (clTRID): the EPP client took whatever response came next as the answer to its command.
 * An answer that does not echo the command's clTRID now ends that connection, and the command's
 * outcome is unknown (a transport error that may have taken effect), never a plain failure.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  createRegistryPort,
  EppError,
  RegistryTransportError,
  type RegistryLogEntry,
  type RegistryPort,
} from "@/server/registry";
import { clTRIDOf, eppResponse, startFakeEppServer, type FakeEppServer } from "../../support/fake-epp-server";

const CHECKED = `<resData><domain:chkData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:cd><domain:name avail="1">a.com</domain:name></domain:cd></domain:chkData></resData>`;
let fake: FakeEppServer | undefined;
let port: RegistryPort | undefined;
const log: RegistryLogEntry[] = [];

/** A registry that answers logins properly and the n-th command as `answer` says. */
async function registry(answer: (clTRID: string, n: number) => string): Promise<RegistryPort> {
  let commands = 0;
  fake = await startFakeEppServer((request) => {
    if (request.includes("<logout")) return eppResponse(1500, clTRIDOf(request));
    if (request.includes("<login>")) return eppResponse(1000, clTRIDOf(request));
    return answer(clTRIDOf(request), ++commands);
  });
  port = createRegistryPort({
    adapter: "epp",
    host: "127.0.0.1",
    port: fake.port,
    tlsCa: fake.certPem,
    clientId: "platform",
    password: "platform-dev-pass",
    poolSize: 1,
    logger: (e) => log.push(e),
  });
  return port;
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

afterEach(async () => {
  await port?.close();
  await fake?.close();
  port = undefined;
  fake = undefined;
  log.length = 0;
});

describe("security finding 10: the EPP client checks that a response's clTRID matches its request", () => {
  it("treats an answer carrying another command's clTRID as an unknown outcome and drops the connection", async () => {
    const p = await registry((clTRID, n) =>
      n === 1 ? eppResponse(1000, "someone-elses-command", CHECKED) : eppResponse(1000, clTRID, CHECKED),
    );
    const error = await failure(p.createDomain({ name: "a.com", authInfo: "secret-1" }));
    expect(error).toBeInstanceOf(RegistryTransportError);
    expect(error).toMatchObject({ kind: "protocol", mayHaveTakenEffect: true });
    expect((error as Error).message).toContain("someone-elses-command");
    const next = await p.checkDomains({ names: ["a.com"] });
    expect(next.data[0]).toMatchObject({ name: "a.com", available: true });
    expect(fake?.connections).toBe(2);
    expect(log.find((e) => e.operation === "createDomain")?.error).toContain("someone-elses-command");
  });

  it("treats an error answer with a foreign clTRID as unknown too, not as the command failing", async () => {
    const p = await registry(() => eppResponse(2303, "stale-1"));
    const error = await failure(p.infoDomain({ name: "a.com" }));
    expect(error).not.toBeInstanceOf(EppError);
    expect(error).toMatchObject({ kind: "protocol", mayHaveTakenEffect: true });
  });

  it("treats an answer with no clTRID at all as unknown", async () => {
    const p = await registry(() => eppResponse(1000, undefined, CHECKED));
    const error = await failure(p.checkDomains({ names: ["a.com"] }));
    expect(error).toBeInstanceOf(RegistryTransportError);
    expect((error as Error).message).toContain("no clTRID");
  });

  it("refuses a login answered with another command's clTRID", async () => {
    fake = await startFakeEppServer((request) =>
      request.includes("<login>") ? eppResponse(1000, "not-the-login") : undefined,
    );
    port = createRegistryPort({
      adapter: "epp",
      host: "127.0.0.1",
      port: fake.port,
      tlsCa: fake.certPem,
      clientId: "platform",
      password: "platform-dev-pass",
    });
    const error = await failure(port.checkDomains({ names: ["a.com"] }));
    expect(error).toBeInstanceOf(RegistryTransportError);
    expect(error).toMatchObject({ kind: "protocol" });
  });
});
