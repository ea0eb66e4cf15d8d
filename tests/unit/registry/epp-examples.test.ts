/**
 * The example frames in tests/fixtures/epp-examples: requests are sent as they are (placeholders
 * filled) and must get the answer a registry gives; responses must parse with the platform's client.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startMockRegistry, type RunningMockRegistry } from "@/mock-registry";
import { createRegistryPort, type RegistryPort } from "@/server/registry";
import { parseEnvelope } from "@/server/registry/epp/parse-envelope";
import { parseOutput } from "@/server/registry/epp/parse-objects";
import { RawEppClient, resultCode } from "../../support/epp-raw-client";
import { FIXTURE_TLDS, FROZEN_AT, testTls } from "../../support/epp-test-registry";
import { FIXTURES, invalidFrames } from "../../support/epp-xsd";

const example = (f: string) => readFileSync(path.join(FIXTURES, "epp-examples", f), "utf8");
const frames = new Set<string>();
let running: RunningMockRegistry | undefined;
let port: RegistryPort | undefined;
let raw: RawEppClient | undefined;

async function start(
  frozenAt = FROZEN_AT,
): Promise<{ platform: RegistryPort; client: RawEppClient; registry: RunningMockRegistry }> {
  running = await startMockRegistry({
    port: 0,
    adminPort: null,
    dataDir: null,
    frozenAt,
    extraTlds: FIXTURE_TLDS,
    tls: testTls(),
    onFrame: (_d, xml) => frames.add(xml),
  });
  port = createRegistryPort({
    adapter: "epp",
    host: "127.0.0.1",
    port: running.port,
    tlsCa: running.certPem,
    clientId: "platform",
    password: "platform-dev-pass",
  });
  raw = await RawEppClient.connect(running.port, running.certPem);
  await raw.next();
  return { platform: port, client: raw, registry: running };
}

afterEach(async () => {
  raw?.close();
  await port?.close();
  await running?.close();
});

afterAll(async () => {
  expect(await invalidFrames(frames)).toEqual([]);
});

describe("the EPP example frames", () => {
  it("answers the plain domain check with availability for each name", async () => {
    const { client } = await start();
    await client.login();
    const reply = await client.send(example("domain_check.xml"));
    expect(resultCode(reply)).toBe(1000);
    expect(reply).toContain('<domain:name avail="1">example.com</domain:name>');
    expect(reply).toContain('<domain:name avail="1">example.org</domain:name>');
    expect(reply).toContain("<clTRID>ABC-12345</clTRID>");
  });

  it("answers the fee check with create prices in the claims phase", async () => {
    const { client } = await start();
    await client.login();
    const reply = await client.send(example("domain_check_fee_stdv1.xml"));
    expect(resultCode(reply)).toBe(1000);
    expect(reply).toMatch(
      /<fee:objID>example1\.tld<\/fee:objID><fee:class>standard<\/fee:class><fee:command name="create" phase="claims" standard="1"><fee:period unit="y">1<\/fee:period><fee:fee[^>]*>13\.00<\/fee:fee>/,
    );
  });

  it("creates the claims-notice registration when the notice is still valid", async () => {
    const { platform, client } = await start("2009-08-16T12:00:00.000Z");
    await platform.createDomain({ name: "example.net", authInfo: "secret-1" });
    await platform.createHost({ name: "ns1.example.net", addresses: ["192.0.2.1"] });
    await platform.createHost({ name: "ns2.example.net", addresses: ["192.0.2.2"] });
    await client.login();
    const reply = await client.send(example("domain_create_claim_notice.xml"));
    expect(resultCode(reply)).toBe(1000);
    expect(reply).toContain("<domain:exDate>2011-08-16T12:00:00.000Z</domain:exDate>");
  });

  it("refuses the same claims notice once its notAfter has passed (2004)", async () => {
    const { client } = await start();
    await client.login();
    const reply = await client.send(example("domain_create_claim_notice.xml"));
    expect(resultCode(reply)).toBe(2004);
  });

  it("registers the sunrise name with the encoded signed mark of the ICANN pilot", async () => {
    const { platform, client } = await start();
    await platform.createHost({ name: "ns1.example.external" });
    await platform.createHost({ name: "ns2.example.external" });
    await client.login();
    const smd = readFileSync(path.join(FIXTURES, "tmch/active.smd"), "utf8")
      .split("-----BEGIN ENCODED SMD-----")[1]
      .split("-----END ENCODED SMD-----")[0];
    const reply = await client.send(example("domain_create_sunrise_encoded_mark.xml").replace("%SMD%", smd.trim()));
    expect(resultCode(reply)).toBe(1000);
    expect(reply).toContain("<domain:name>test-validate.example</domain:name>");
  });

  it("takes the transfer request from another registrar with the right auth code (1001)", async () => {
    const { platform, client, registry } = await start();
    registry.admin.advanceClock({ days: 31 });
    await platform.createDomain({ name: "fakesite.example", authInfo: "2fooBAR" });
    await client.login("rival", "rival-dev-pass");
    const reply = await client.send(example("domain_transfer_request.xml"));
    expect(resultCode(reply)).toBe(1001);
    expect(reply).toContain("<domain:trStatus>pending</domain:trStatus>");
  });

  it("adds the DS record, then restores the name from redemption", async () => {
    const { platform, client, registry } = await start();
    await platform.createDomain({ name: "example.tld", authInfo: "secret-1" });
    await client.login();
    expect(resultCode(await client.send(example("domain_update_dsdata_add.xml")))).toBe(1000);
    expect((await platform.infoDomain({ name: "example.tld" })).data.ds[0].keyTag).toBe(12346);
    expect(resultCode(await client.send(example("domain_update_restore_request.xml")))).toBe(2304);
    registry.admin.advanceClock({ days: 6 });
    await platform.deleteDomain({ name: "example.tld" });
    const reply = await client.send(example("domain_update_restore_request.xml"));
    expect(resultCode(reply)).toBe(1000);
    expect(reply).toContain('<rgp:rgpStatus s="pendingRestore"/>');
  });

  it("answers the trademark check with the claims list", async () => {
    const { client } = await start();
    await client.login();
    const reply = await client.send(example("launch_trademark_check.xml"));
    expect(resultCode(reply)).toBe(1000);
    expect(reply).toContain('<launch:name exists="0">example.tld</launch:name>');
  });

  it("parses the redemption-period info response and the transfer poll message", () => {
    const info = example("domain_info_response_redemptionperiod_wildcard.xml")
      .replace("%DOMAIN%", "example.tld")
      .replace("%CRDATE%", "2000-06-01T00:04:00Z")
      .replace("%UPDATE%", "2000-06-02T00:04:00Z")
      .replace("%EXDATE%", "2002-06-01T00:04:00Z");
    const parsed = parseOutput("infoDomain", parseEnvelope(info));
    expect(parsed).toMatchObject({
      name: "example.tld",
      statuses: ["pendingDelete", "inactive"],
      rgpStatuses: ["redemptionPeriod"],
      sponsor: "NewRegistrar",
    });
    const poll = parseOutput(
      "pollRequest",
      parseEnvelope(example("poll_response_domain_transfer_request.xml").replace("%ID%", "1-2-3")),
    );
    expect(poll).toMatchObject({
      id: "1-2-3",
      message: "Transfer requested.",
      event: { kind: "transfer", status: "pending", requestedBy: "TheRegistrar", actionBy: "NewRegistrar" },
    });
  });
});
