/** Bad input on the wire gets the EPP error it should, or a clean close; never a crash or a stuck session. */
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { startMockRegistry, type RunningMockRegistry, type StartMockRegistryOptions } from "@/mock-registry";
import { RawEppClient, resultCode } from "../../support/epp-raw-client";
import { FROZEN_AT, testTls } from "../../support/epp-test-registry";

const EPP = 'xmlns="urn:ietf:params:xml:ns:epp-1.0"';
const CHECK = `<epp ${EPP}><command><check><domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>fine.com</domain:name></domain:check></check><clTRID>chk-1</clTRID></command></epp>`;
const clients: RawEppClient[] = [];
let running: RunningMockRegistry | undefined;

async function server(opts: StartMockRegistryOptions = {}): Promise<RunningMockRegistry> {
  running = await startMockRegistry({
    port: 0,
    adminPort: null,
    dataDir: null,
    frozenAt: FROZEN_AT,
    tls: testTls(),
    frameTimeoutMs: 300,
    ...opts,
  });
  return running;
}

async function client(r: RunningMockRegistry): Promise<RawEppClient> {
  const c = await RawEppClient.connect(r.port, r.certPem);
  clients.push(c);
  expect(await c.next()).toContain("<greeting>");
  return c;
}

function header(length: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(length);
  return b;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await running?.close();
});

describe("the EPP server facing bad input", () => {
  it("answers malformed XML with 2001 and keeps the session usable", async () => {
    const c = await client(await server());
    expect(resultCode(await c.send(`<epp ${EPP}><command><check>`))).toBe(2001);
    expect(await c.send(`<epp ${EPP}><hello/></epp>`)).toContain("<greeting>");
  });

  it("answers a frame in a foreign namespace, or a DOCTYPE, with 2001", async () => {
    const c = await client(await server());
    expect(resultCode(await c.send('<epp xmlns="urn:example:not-epp"><hello/></epp>'))).toBe(2001);
    expect(resultCode(await c.send(`<!DOCTYPE epp [<!ENTITY a "aaaa">]><epp ${EPP}><hello/></epp>`))).toBe(2001);
    expect(resultCode(await c.send(`<epp ${EPP}><greeting/></epp>`))).toBe(2001);
    const deep = `<epp ${EPP}>${"<a>".repeat(2_000)}${"</a>".repeat(2_000)}</epp>`;
    expect(resultCode(await c.send(deep))).toBe(2001);
  });

  it("answers unknown commands (2000), unknown object services (2307) and unimplemented ones (2101)", async () => {
    const c = await client(await server());
    await c.login();
    expect(resultCode(await c.send(`<epp ${EPP}><command><frobnicate/><clTRID>x-1</clTRID></command></epp>`))).toBe(
      2000,
    );
    expect(
      resultCode(
        await c.send(`<epp ${EPP}><command><check><x:check xmlns:x="urn:example:widgets"/></check></command></epp>`),
      ),
    ).toBe(2307);
    const contactTransfer = `<epp ${EPP}><command><transfer op="query"><contact:transfer xmlns:contact="urn:ietf:params:xml:ns:contact-1.0"><contact:id>abc</contact:id></contact:transfer></transfer></command></epp>`;
    expect(resultCode(await c.send(contactTransfer))).toBe(2101);
    const unknownExt = `<epp ${EPP}><command><check><domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>a.com</domain:name></domain:check></check><extension><y:thing xmlns:y="urn:example:ext"/></extension></command></epp>`;
    expect(resultCode(await c.send(unknownExt))).toBe(2103);
  });

  it("requires login first, and closes after three bad passwords with 2501", async () => {
    const c = await client(await server());
    expect(resultCode(await c.send(CHECK))).toBe(2002);
    expect(resultCode(await c.login("platform", "wrong-pass"))).toBe(2200);
    expect(resultCode(await c.login("nobody", "wrong-pass"))).toBe(2200);
    expect(resultCode(await c.login("platform", "wrong-pass"))).toBe(2501);
    await c.closedPromise;
    expect(c.closed).toBe(true);
  });

  it("refuses a second login (2002), a wrong version (2100) and services it lacks (2307, 2103)", async () => {
    const r = await server();
    const c = await client(r);
    await c.login();
    expect(resultCode(await c.login())).toBe(2002);
    const login = (version: string, obj: string, ext: string) =>
      `<epp ${EPP}><command><login><clID>rival</clID><pw>rival-dev-pass</pw><options><version>${version}</version><lang>en</lang></options><svcs><objURI>${obj}</objURI>${ext}</svcs></login></command></epp>`;
    const d = await client(r);
    expect(resultCode(await d.send(login("2.0", "urn:ietf:params:xml:ns:domain-1.0", "")))).toBe(2100);
    expect(resultCode(await d.send(login("1.0", "urn:example:widgets", "")))).toBe(2307);
    expect(
      resultCode(
        await d.send(
          login(
            "1.0",
            "urn:ietf:params:xml:ns:domain-1.0",
            "<svcExtension><extURI>urn:example:ext</extURI></svcExtension>",
          ),
        ),
      ),
    ).toBe(2103);
    expect(resultCode(await d.send(login("1.0", "urn:ietf:params:xml:ns:domain-1.0", "")))).toBe(1000);
    const feeCheck = CHECK.replace(
      "<clTRID>",
      `<extension><fee:check xmlns:fee="urn:ietf:params:xml:ns:epp:fee-1.0"><fee:command name="create"/></fee:check></extension><clTRID>`,
    );
    expect(resultCode(await d.send(feeCheck))).toBe(2002);
  });

  it("answers hello before and after login, and 1500 then a close on logout", async () => {
    const c = await client(await server());
    expect(await c.send(`<epp ${EPP}><hello/></epp>`)).toContain("<svcMenu>");
    await c.login();
    expect(await c.send(`<epp ${EPP}><hello/></epp>`)).toContain("<svcMenu>");
    expect(resultCode(await c.send(`<epp ${EPP}><command><logout/><clTRID>bye-1</clTRID></command></epp>`))).toBe(1500);
    await c.closedPromise;
  });

  it("answers an oversized frame with 2500 and closes", async () => {
    const c = await client(await server({ maxFrameBytes: 65_536 }));
    c.writeRaw(Buffer.concat([header(10_000_000), Buffer.from("<epp")]));
    expect(resultCode(await c.next())).toBe(2500);
    await c.closedPromise;
  });

  it("answers a length header too small to hold a frame with 2500 and closes", async () => {
    const c = await client(await server());
    c.writeRaw(header(3));
    expect(resultCode(await c.next())).toBe(2500);
    await c.closedPromise;
  });

  it("drops a client whose header promises more than it sends, while other sessions carry on", async () => {
    const r = await server();
    const liar = await client(r);
    liar.writeRaw(Buffer.concat([header(1_000), Buffer.from(`<epp ${EPP}><hel`)]));
    const honest = await client(r);
    await honest.login();
    expect(resultCode(await honest.send(CHECK))).toBe(1000);
    await liar.closedPromise;
    expect(resultCode(await honest.send(CHECK))).toBe(1000);
  });

  it("cuts off a client that floods commands without waiting for answers", async () => {
    const r = await server();
    r.admin.setFaults("com", { latencyMs: 50 });
    const c = await client(r);
    await c.login();
    const frame = Buffer.concat([header(Buffer.byteLength(CHECK) + 4), Buffer.from(CHECK)]);
    c.writeRaw(Buffer.concat(Array.from({ length: 40 }, () => frame)));
    await c.closedPromise;
    const d = await client(r);
    await d.login();
    expect(resultCode(await d.send(CHECK))).toBe(1000);
  });

  it("ends a session that stays idle", async () => {
    const c = await client(await server({ idleTimeoutMs: 200 }));
    await c.login();
    await c.closedPromise;
    expect(c.closed).toBe(true);
  });

  it("survives random bytes in well-framed messages and clients vanishing mid-command", async () => {
    const r = await server();
    r.admin.setFaults("com", { latencyMs: 50 });
    const c = await client(r);
    await c.login();
    for (let i = 0; i < 20; i++) {
      const reply = await c.send(randomBytes(64 + i * 13).toString("latin1"));
      expect(resultCode(reply)).toBe(2001);
    }
    const vanishing = await client(r);
    await vanishing.login();
    vanishing.writeRaw(Buffer.concat([header(Buffer.byteLength(CHECK) + 4), Buffer.from(CHECK)]));
    vanishing.close();
    expect(resultCode(await c.send(CHECK))).toBe(1000);
  });
});
