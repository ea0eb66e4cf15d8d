/**
 * A whole session with a registry whose software writes another dialect than our mock: fee answers
 * with one <fee:cd> per command per name and period, commands we do not bill, spaced attributes. The
 * platform's port must price every name as the contract expects, and every frame either side sends
 * must validate.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRegistryPort, type RegistryPort } from "@/server/registry";
import { clTRIDOf, eppResponse, startFakeEppServer, type FakeEppServer } from "../../support/fake-epp-server";
import { invalidFrames } from "../../support/epp-xsd";

/** One of the ports this suite was given (5760-5764). */
const PORT = 5760;
const EPP = "urn:ietf:params:xml:ns:epp-1.0";

let fake: FakeEppServer | undefined;
let port: RegistryPort | undefined;

afterEach(async () => {
  await port?.close();
  await fake?.close();
  port = undefined;
  fake = undefined;
});

const PRICES: Record<string, string> = { create: "12.00", renew: "13.00", transfer: "13.00", restore: "45.00" };

/** The registry prices each asked command for the asked period, and adds an update quote it was not asked for. */
function checkAnswer(request: string): string {
  const names = [...request.matchAll(/<domain:name>([^<]+)<\/domain:name>/g)].map((m) => m[1]);
  const asked = [...request.matchAll(/<fee:command name="(\w+)"><fee:period unit="y">(\d+)<\/fee:period>/g)];
  const cds = names.flatMap((name) => [
    ...asked.map(
      ([, command, years]) =>
        `<fee:cd avail = "1"><fee:objID>${name}</fee:objID><fee:class>standard</fee:class><fee:command name = "${command}" phase = "open" standard = "1"><fee:period unit = "y">${years}</fee:period><fee:fee description = "${command}" refundable = "1">${(Number(PRICES[command]) * Number(years)).toFixed(2)}</fee:fee></fee:command></fee:cd>`,
    ),
    `<fee:cd avail = "1"><fee:objID>${name}</fee:objID><fee:command name = "update"><fee:fee description = "Registrant change">0.00</fee:fee></fee:command></fee:cd>`,
  ]);
  const resData = `<resData><domain:chkData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">${names.map((n) => `<domain:cd><domain:name avail = '1'>${n}</domain:name></domain:cd>`).join("")}</domain:chkData></resData>`;
  const extension = `<extension><fee:chkData xmlns:fee="urn:ietf:params:xml:ns:epp:fee-1.0"><fee:currency>USD</fee:currency>${cds.join("")}</fee:chkData></extension>`;
  return `<epp xmlns="${EPP}"><response><result code="1000"><msg>Command completed successfully</msg></result>${resData}${extension}<trID><clTRID>${clTRIDOf(request)}</clTRID><svTRID>RO-4711</svTRID></trID></response></epp>`;
}

describe("the EPP client with a registry of another dialect", () => {
  it("prices every command of every name, for the period asked", async () => {
    const frames: string[] = [];
    fake = await startFakeEppServer((request) => {
      frames.push(request);
      const answer = request.includes("<login>")
        ? eppResponse(1000, clTRIDOf(request))
        : request.includes("<logout")
          ? eppResponse(1500, clTRIDOf(request))
          : checkAnswer(request);
      frames.push(answer);
      return answer;
    }, PORT);
    port = createRegistryPort({
      adapter: "epp",
      host: "127.0.0.1",
      port: fake.port,
      tlsCa: fake.certPem,
      clientId: "platform",
      password: "platform-dev-pass",
      poolSize: 1,
    });
    const { data } = await port.checkDomains({ names: ["example.tld", "example2.tld"], years: 2 });
    for (const check of data) {
      expect(check).toMatchObject({ available: true, premium: false, phase: "open" });
      expect(check.prices).toEqual({
        create: { amount: 2400, currency: "USD" },
        renew: { amount: 1300, currency: "USD" },
        transfer: { amount: 1300, currency: "USD" },
        restore: { amount: 4500, currency: "USD" },
      });
      expect(check.quotes?.map((q) => q.command)).toEqual(["create", "renew", "transfer", "restore", "update"]);
    }
    expect(await invalidFrames(frames)).toEqual([]);
  });
});
