/**
 * An independent EPP client, Debian's libnet-epp-perl (Net::EPP::Simple), against the mock registry.
 * CI installs the package; without it this test fails rather than skips.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockRegistry, type RunningMockRegistry } from "@/mock-registry";
import { FIXTURE_TLDS, FROZEN_AT, testTls } from "../../support/epp-test-registry";
import { invalidFrames } from "../../support/epp-xsd";

const run = promisify(execFile);
const SCRIPT = path.resolve(__dirname, "../../support/epp-perl-client.pl");
const serverFrames: string[] = [];
let running: RunningMockRegistry;

beforeAll(async () => {
  running = await startMockRegistry({
    port: 0,
    adminPort: null,
    dataDir: null,
    frozenAt: FROZEN_AT,
    extraTlds: FIXTURE_TLDS,
    tls: testTls(),
    onFrame: (direction, xml) => direction === "server" && serverFrames.push(xml),
  });
});

afterAll(async () => {
  await running.close();
});

describe("Net::EPP::Simple against the mock registry", () => {
  it("has perl with Net::EPP::Simple installed (apt install libnet-epp-perl)", async () => {
    const { stdout } = await run("perl", ["-MNet::EPP::Simple", "-e", "print qq(loaded)"]);
    expect(stdout).toBe("loaded");
  });

  it("logs in, checks, creates a contact and a domain, reads, renews, transfers, polls and deletes", async () => {
    const { stdout } = await run("perl", [SCRIPT, "127.0.0.1", String(running.port), "camel-perl.tld"], {
      timeout: 30_000,
    });
    const steps = Object.fromEntries(
      stdout
        .trim()
        .split("\n")
        .map((line) => line.split(" "))
        .map(([step, code, ...detail]) => [step, { code, detail: detail.join(" ") }]),
    );
    expect(steps.login.code).toBe("1000");
    expect(steps.check).toEqual({ code: "1000", detail: "avail=1" });
    expect(steps.create_contact.code).toBe("1000");
    expect(steps.create_domain.code).toBe("1000");
    expect(steps.info).toEqual({ code: "1000", detail: "2027-06-01T00:00:00.000Z" });
    expect(steps.renew.code).toBe("1000");
    expect(steps.transfer_request).toEqual({ code: "1001", detail: "pending" });
    expect(steps.poll.code).toBe("1301");
    expect(steps.ack.code).toBe("1000");
    expect(steps.transfer_cancel.code).toBe("1000");
    expect(steps.delete.code).toBe("1000");
    expect(await invalidFrames(serverFrames)).toEqual([]);
  }, 60_000);
});
