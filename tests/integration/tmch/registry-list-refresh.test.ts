/**
 * The mock registry refreshes its DNL and SMDRL (and the TMCH CA and CRL) from the TMCH stand-in:
 * a mark the stand-in verifies puts its labels under claim and its SMD is accepted in sunrise; once
 * the stand-in withdraws the mark, the next refresh makes the registry refuse that SMD as revoked. A
 * list whose signature does not verify changes nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTmchStandIn, type RunningTmchStandIn } from "@/tmch-standin/index";
import { setTmchTrust } from "@/mock-registry/policy/launch-marks";
import { refreshTmchLists, setClaimsLabels } from "@/mock-registry/policy/tmch-lists-refresh";
import { eppEnv, FROZEN_AT, type ContractEnv } from "../../support/epp-test-registry";
import { expectEpp, makeContact } from "../../unit/registry/contract/helpers";
import { bloomSubmission, PROOF_OF_USE, TestClock } from "../../support/tmch-marks";

const clock = new TestClock(new Date(new Date(FROZEN_AT).getTime() - 30 * 86_400_000));
let env: ContractEnv;
let tmch: RunningTmchStandIn;

beforeAll(async () => {
  env = await eppEnv();
  tmch = await startTmchStandIn({ port: 6133, now: clock.now, reviewDelayMs: 60_000 });
});
afterAll(async () => {
  await tmch.close();
  await env.close();
});
afterEach(() => {
  setTmchTrust(null);
  setClaimsLabels(null);
});

// A sunrise create names registrant, admin and tech (standards.md 1.9); one contact serves as all three.
const sunrise = async (name: string, encodedSignedMark: string) => {
  const id = await makeContact(env.platform);
  return env.platform.createDomain({
    name,
    authInfo: "secret-1",
    registrant: id,
    contacts: [
      { type: "admin", id },
      { type: "tech", id },
    ],
    launch: { phase: "sunrise", encodedSignedMark },
    fee: { amount: 6000, currency: "USD" },
  });
};

describe("the mock registry's TMCH list refresh", () => {
  it("takes the stand-in's DNL for claims and its SMDRL for sunrise, and refuses a revoked SMD after refreshing", async () => {
    const { standIn } = tmch;
    const mark = await standIn.submit({
      externalId: "refresh-1",
      termYears: 1,
      submission: bloomSubmission({ name: "Bloom Refresh" }),
      proofOfUse: {
        filename: "a.txt",
        mediaType: "text/plain",
        content: Buffer.from(PROOF_OF_USE.contentBase64, "base64"),
      },
    });
    standIn.decide(mark.id, "verified", []);
    const smd = standIn.currentSmd(mark)!.file;

    expect(await refreshTmchLists({ baseUrl: tmch.url })).toMatchObject({ labels: 2, revokedSmds: 0 });
    const {
      data: [claim],
    } = await env.platform.claimsCheck({ names: ["bloomrefresh.vista"] });
    expect(claim).toMatchObject({ claim: true, claimKey: standIn.state.dnl.bloomrefresh.lookupKey });
    expect((await sunrise("bloomrefresh.bloom", smd)).code).toBe(1000);
    // ICANN's pilot SMD is no longer trusted: the registry's TMCH is the stand-in now.
    const pilot = readFileSync(path.resolve(__dirname, "../../fixtures/tmch/active.smd"), "utf8");
    await expectEpp(sunrise("test-validate.bloom", pilot), 2306, /not signed by the TMCH CA/);

    standIn.deactivate(mark.id);
    const source = { baseUrl: tmch.url };
    expect(await refreshTmchLists(source)).toMatchObject({ labels: 0, revokedSmds: 1 });
    await expectEpp(sunrise("bloom-refresh.bloom", smd), 2306, /Signed mark data is revoked/);
    expect((await env.platform.claimsCheck({ names: ["bloomrefresh.vista"] })).data[0].claim).toBe(false);
  });

  it("keeps the lists it has when a fetched list's signature does not verify", async () => {
    const { standIn } = tmch;
    const mark = await standIn.submit({
      externalId: "refresh-2",
      termYears: 1,
      submission: bloomSubmission({ name: "Kept Labels" }),
    });
    standIn.decide(mark.id, "verified", []);
    await refreshTmchLists({ baseUrl: tmch.url });
    const tampering: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).endsWith("/dnl/dnl-latest.csv")) return res;
      return new Response((await res.text()).replace("keptlabels", "keptlabelz"));
    };
    await expect(refreshTmchLists({ baseUrl: tmch.url, fetch: tampering })).rejects.toThrow(/dnl-latest/);
    expect((await env.platform.claimsCheck({ names: ["keptlabels.vista"] })).data[0].claim).toBe(true);
    expect((await env.platform.claimsCheck({ names: ["keptlabelz.vista"] })).data[0].claim).toBe(false);
  });
});
