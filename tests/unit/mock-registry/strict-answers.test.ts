/**
 * The mock registry answers what a real registry answers where our old mock was lax (issue 16): each
 * case is sent as raw EPP, and every frame the registry sent is checked against the schemas.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defineTld, startMockRegistry, type RunningMockRegistry } from "@/mock-registry";
import { RawEppClient, resultCode } from "../../support/epp-raw-client";
import { FROZEN_AT, testTls } from "../../support/epp-test-registry";
import { invalidFrames } from "../../support/epp-xsd";
import { C, D, FEE, H, Registrar, SEC, command, ds, login } from "./raw-frames";

const PORT = 5720;
const sent = new Set<string>();
let running: RunningMockRegistry;
let platform: Registrar;
let rival: Registrar;
let seq = 0;
const label = (prefix: string) => `${prefix}${++seq}x${Math.random().toString(36).slice(2, 6)}`;

const prices = { create: 1500, renew: 1500, transfer: 1500, restore: 4000 };
/** Two TLDs that differ only in the points where real registries disagree. */
const DIALECT_TLDS = [
  defineTld({ tld: "lenient", operator: "dialect-a", prices }),
  defineTld({
    tld: "strict",
    operator: "dialect-b",
    prices,
    dialect: { invalidNameInCheck: "error", transferLock: "registrar" },
  }),
];

async function connect(clID: string, pw: string): Promise<Registrar> {
  const raw = await RawEppClient.connect(running.port, running.certPem);
  expect(await raw.next()).toContain("<greeting>");
  const r = new Registrar(raw);
  expect(await r.send(login(clID, pw))).toBe(1000);
  return r;
}

beforeAll(async () => {
  running = await startMockRegistry({
    port: PORT,
    adminPort: null,
    dataDir: null,
    frozenAt: FROZEN_AT,
    tls: testTls(),
    extraTlds: DIALECT_TLDS,
    onFrame: (direction, xml) => {
      if (direction === "server") sent.add(xml);
    },
  });
  platform = await connect("platform", "platform-dev-pass");
  rival = await connect("rival", "rival-dev-pass");
});

afterAll(async () => {
  platform.raw.close();
  rival.raw.close();
  await running.close();
  const invalid = await invalidFrames(sent);
  expect(invalid.slice(0, 3), `${invalid.length} of ${sent.size} server frames fail the schemas`).toEqual([]);
});

describe("hosts", () => {
  let domain: string;
  beforeEach(async () => {
    domain = `${label("h")}.com`;
    expect(await platform.createDomain(domain)).toBe(1000);
  });

  it("refuses loopback, private and link-local glue with 2306, and takes a public address", async () => {
    const refused = ["127.0.0.1", "10.1.2.3", "172.16.5.4", "192.168.1.1", "169.254.9.9", "::1", "fe80::1", "fd00::1"];
    for (const addr of refused) {
      expect(await platform.createHost(`ns1.${domain}`, [addr]), addr).toBe(2306);
    }
    expect(await platform.createHost(`ns1.${domain}`, ["192.0.2.53", "2001:db8::53"])).toBe(1000);
    const add = `<host:add><host:addr ip="v4">10.0.0.1</host:addr></host:add>`;
    const update = `<update><host:update ${H}><host:name>ns1.${domain}</host:name>${add}</host:update></update>`;
    expect(await platform.send(command(update))).toBe(2306);
  });

  it("refuses host names with invalid labels with 2005", async () => {
    for (const name of [`ns1.ab--cd.com`, `xn--zz.${domain}`, `ns1.example.123`]) {
      expect(await platform.createHost(name, []), name).toBe(2005);
    }
  });

  it("refuses adding an address the host has, or removing one it lacks (2306)", async () => {
    const host = `ns1.${domain}`;
    expect(await platform.createHost(host, ["192.0.2.1"])).toBe(1000);
    const upd = (inner: string) =>
      command(`<update><host:update ${H}><host:name>${host}</host:name>${inner}</host:update></update>`);
    expect(await platform.send(upd(`<host:add><host:addr ip="v4">192.0.2.1</host:addr></host:add>`))).toBe(2306);
    expect(await platform.send(upd(`<host:rem><host:addr ip="v4">192.0.2.99</host:addr></host:rem>`))).toBe(2306);
    expect(await platform.send(upd(`<host:add><host:addr ip="v4">192.0.2.2</host:addr></host:add>`))).toBe(1000);
  });
});

describe("domains", () => {
  it("refuses adding what is present and removing what is absent (2306)", async () => {
    const name = `${label("d")}.com`;
    expect(await platform.createDomain(name)).toBe(1000);
    expect(await platform.createHost(`ns1.${name}`, ["192.0.2.1"])).toBe(1000);
    const ns = (h: string) => `<domain:ns><domain:hostObj>${h}</domain:hostObj></domain:ns>`;
    const hold = `<domain:status s="clientHold"/>`;
    expect(await platform.updateDomain(name, hold, "")).toBe(1000);
    expect(await platform.updateDomain(name, hold, "")).toBe(2306);
    expect(await platform.updateDomain(name, "", `<domain:status s="clientRenewProhibited"/>`)).toBe(2306);
    expect(await platform.updateDomain(name, ns(`ns1.${name}`), "")).toBe(1000);
    expect(await platform.updateDomain(name, ns(`ns1.${name}`), "")).toBe(2306);
    expect(await platform.updateDomain(name, "", ns(`ns9.${name}`))).toBe(2306);
    const sec = (inner: string) => `<secDNS:update ${SEC}>${inner}</secDNS:update>`;
    expect(await platform.updateDomain(name, "", "", sec(`<secDNS:add>${ds(1)}</secDNS:add>`))).toBe(1000);
    expect(await platform.updateDomain(name, "", "", sec(`<secDNS:add>${ds(1)}</secDNS:add>`))).toBe(2306);
    expect(await platform.updateDomain(name, "", "", sec(`<secDNS:rem>${ds(2)}</secDNS:rem>`))).toBe(2306);
    expect(await platform.updateDomain(name, "", "", sec(`<secDNS:rem>${ds(1)}</secDNS:rem>`))).toBe(1000);
  });

  it("answers the sponsor's info with a wrong auth code with 2202, and a right one or none with 1000", async () => {
    const name = `${label("i")}.com`;
    expect(await platform.createDomain(name, "right-code-1")).toBe(1000);
    expect(await platform.infoDomain(name, "wrong-code-1")).toBe(2202);
    expect(await platform.infoDomain(name, "right-code-1")).toBe(1000);
    expect(await platform.infoDomain(name)).toBe(1000);
  });
});

describe("contacts", () => {
  it("accepts an update whose postalInfo has no name, and keeps the name it had", async () => {
    const id = label("ct").slice(0, 16);
    const create = `<create><contact:create ${C}><contact:id>${id}</contact:id><contact:postalInfo type="int"><contact:name>Ada Lovelace</contact:name><contact:addr><contact:street>12 Engine Row</contact:street><contact:city>London</contact:city><contact:cc>GB</contact:cc></contact:addr></contact:postalInfo><contact:email>ada@example.net</contact:email><contact:authInfo><contact:pw>contact-secret-1</contact:pw></contact:authInfo></contact:create></create>`;
    expect(await platform.send(command(create))).toBe(1000);
    const chg = `<contact:chg><contact:postalInfo type="int"><contact:org>Analytical Ltd</contact:org><contact:addr><contact:street>1 New Street</contact:street><contact:city>Leeds</contact:city><contact:cc>GB</contact:cc></contact:addr></contact:postalInfo></contact:chg>`;
    const update = `<update><contact:update ${C}><contact:id>${id}</contact:id>${chg}</contact:update></update>`;
    expect(await platform.send(command(update))).toBe(1000);
    const info = `<info><contact:info ${C}><contact:id>${id}</contact:id></contact:info></info>`;
    expect(await platform.send(command(info))).toBe(1000);
    expect(platform.last).toContain("<contact:name>Ada Lovelace</contact:name>");
    expect(platform.last).toContain("<contact:org>Analytical Ltd</contact:org>");
    expect(platform.last).toContain("<contact:city>Leeds</contact:city>");
  });
});

describe("fees", () => {
  const feeCheck = (inner: string, currency = "USD") =>
    `<fee:check ${FEE}><fee:currency>${currency}</fee:currency>${inner}</fee:check>`;

  it("answers a check for the update command with that command's fee, not 2306", async () => {
    const name = `${label("f")}.com`;
    const ext = feeCheck(`<fee:command name="create"/><fee:command name="update"/>`);
    expect(await platform.checkDomains([name], ext)).toBe(1000);
    expect(platform.last).toMatch(/<fee:command name="create"[^>]*>/);
    expect(platform.last).toMatch(/<fee:command name="update"[^>]*>(<fee:fee[^>]*>0\.00<\/fee:fee>|<fee:reason>)/);
  });

  it("accepts fee attributes sent at their default values", async () => {
    const name = `${label("f")}.com`;
    const ext = `<fee:create ${FEE}><fee:currency>USD</fee:currency><fee:fee lang="en" applied="immediate">10.26</fee:fee></fee:create>`;
    expect(await platform.createDomain(name, "domain-secret-1", ext)).toBe(1000);
  });

  it("answers a currency that is not ISO 4217 with 2004, and one the TLD does not bill in with 2306", async () => {
    const name = `${label("f")}.com`;
    expect(await platform.checkDomains([name], feeCheck(`<fee:command name="create"/>`, "XYZ"))).toBe(2004);
    expect(await platform.checkDomains([name], feeCheck(`<fee:command name="create"/>`, "EUR"))).toBe(2306);
    const ack = (currency: string) =>
      `<fee:create ${FEE}><fee:currency>${currency}</fee:currency><fee:fee>10.26</fee:fee></fee:create>`;
    expect(await platform.createDomain(name, "domain-secret-1", ack("XYZ"))).toBe(2004);
    expect(await platform.createDomain(name, "domain-secret-1", ack("EUR"))).toBe(2306);
    expect(await platform.createDomain(name)).toBe(1000);
    const renew = (currency: string) =>
      command(
        `<renew><domain:renew ${D}><domain:name>${name}</domain:name><domain:curExpDate>2027-06-01</domain:curExpDate><domain:period unit="y">1</domain:period></domain:renew></renew>`,
        `<fee:renew ${FEE}><fee:currency>${currency}</fee:currency><fee:fee>10.26</fee:fee></fee:renew>`,
      );
    expect(await platform.send(renew("XYZ"))).toBe(2004);
    expect(await platform.send(renew("EUR"))).toBe(2306);
  });
});

describe("session", () => {
  it("refuses a new password shorter than six characters with 2005 and keeps the old one", async () => {
    const raw = await RawEppClient.connect(running.port, running.certPem);
    expect(await raw.next()).toContain("<greeting>");
    expect(resultCode(await raw.send(login("rival", "rival-dev-pass", "short")))).toBe(2005);
    raw.close();
    const again = await connect("rival", "rival-dev-pass");
    again.raw.close();
  });

  it("answers a frame that is not valid UTF-8 with 2001, without replacement characters", async () => {
    const frame = Buffer.concat([
      Buffer.from(`<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check><domain:check ${D}><domain:name>`),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(`.com</domain:name></domain:check></check><clTRID>utf8-1</clTRID></command></epp>`),
    ]);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(frame.length + 4);
    platform.raw.writeRaw(Buffer.concat([header, frame]));
    const answer = (await platform.raw.next()) ?? "";
    expect(resultCode(answer)).toBe(2001);
    expect(answer).not.toContain("\uFFFD");
    expect(answer).toContain("<clTRID>utf8-1</clTRID>");
    expect(await platform.checkDomains([`${label("u")}.com`])).toBe(1000);
  });

  it("answers a poll request that carries a msgID with 2005", async () => {
    expect(await platform.send(command(`<poll op="req" msgID="12"/>`))).toBe(2005);
    expect(await platform.send(command(`<poll op="req"/>`))).toBeLessThan(2000);
  });
});

describe("per-TLD dialects", () => {
  it("answers an invalid name in a check with avail=0 or with 2005 for the whole command", async () => {
    expect(await platform.checkDomains(["-bad.lenient", `${label("ok")}.lenient`])).toBe(1000);
    expect(platform.last).toMatch(/<domain:name avail="0">-bad\.lenient<\/domain:name><domain:reason>/);
    expect(await platform.checkDomains(["-bad.strict", `${label("ok")}.strict`])).toBe(2005);
    expect(platform.last).toContain("<text>-bad.strict</text>");
    expect(await platform.checkDomains([`${label("ok")}.strict`])).toBe(1000);
  });

  it("enforces the 60-day transfer lock where the registry does, and leaves it to registrars elsewhere", async () => {
    const locked = `${label("t")}.lenient`;
    const open = `${label("t")}.strict`;
    expect(await platform.createDomain(locked, "move-me-123")).toBe(1000);
    expect(await platform.createDomain(open, "move-me-123")).toBe(1000);
    const request = (name: string) =>
      command(
        `<transfer op="request"><domain:transfer ${D}><domain:name>${name}</domain:name><domain:authInfo><domain:pw>move-me-123</domain:pw></domain:authInfo></domain:transfer></transfer>`,
      );
    expect(await rival.send(request(locked))).toBe(2106);
    expect(await rival.send(request(open))).toBe(1001);
  });
});
