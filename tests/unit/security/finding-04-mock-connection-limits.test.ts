/**
 * Finding 4, the mock registry's side: it had no connection cap, and it pushed its frame deadline back
 * on every chunk, so a client trickling bytes held a session forever.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startMockRegistry, type RunningMockRegistry, type StartMockRegistryOptions } from "@/mock-registry";
import { RawEppClient, resultCode } from "../../support/epp-raw-client";
import { FROZEN_AT, testTls } from "../../support/epp-test-registry";

const EPP = "urn:ietf:params:xml:ns:epp-1.0";
let running: RunningMockRegistry | undefined;
const clients: RawEppClient[] = [];

async function server(opts: StartMockRegistryOptions = {}): Promise<RunningMockRegistry> {
  running = await startMockRegistry({
    port: 0,
    adminPort: null,
    dataDir: null,
    frozenAt: FROZEN_AT,
    tls: testTls(),
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

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await running?.close();
  running = undefined;
});

describe("security finding 04: the mock registry bounds connections and frame time", () => {
  it("answers a login beyond its connection cap with 2502 and closes, and serves again once a slot frees", async () => {
    const r = await server({ maxConnections: 2 });
    const first = await client(r);
    await client(r);
    const third = await client(r);
    const refused = await third.login();
    expect(resultCode(refused)).toBe(2502);
    expect(refused).toContain("<clTRID>login-1</clTRID>");
    await third.closedPromise;
    expect(resultCode(await first.login())).toBe(1000);
    first.close();
    await first.closedPromise;
    // The server sees the close a moment after the client does.
    let fourth = await client(r);
    let answer = await fourth.login();
    while (resultCode(answer) === 2502) {
      fourth = await client(r);
      answer = await fourth.login();
    }
    expect(resultCode(answer)).toBe(1000);
  });

  it("has a sensible default cap, far above a registrar's session limit", async () => {
    const r = await server();
    const many = await Promise.all(Array.from({ length: 24 }, () => client(r)));
    // A refused connection answers 2502 to anything; a served one answers hello with a greeting.
    expect(await many[23].send(`<epp xmlns="${EPP}"><hello/></epp>`)).toContain("<greeting>");
  });

  it("cuts off a client that trickles a frame, however steadily its bytes arrive", async () => {
    const c = await client(await server({ frameTimeoutMs: 300 }));
    const body = Buffer.from(`<epp xmlns="${EPP}"><hello/></epp>`.padEnd(900, " "));
    const header = Buffer.alloc(4);
    header.writeUInt32BE(body.length + 4);
    c.writeRaw(header);
    // Each byte comes well inside the deadline; only the frame as a whole overruns it, many times over.
    for (let i = 0; i < 40 && !c.closed; i++) {
      c.writeRaw(body.subarray(i, i + 1));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(c.closed).toBe(true);
    expect(await c.next()).toBeNull();
  }, 10_000);
});
