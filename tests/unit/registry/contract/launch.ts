import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { makeTcnid } from "@/mock-registry";
import type { ContractEnv } from "../../../support/epp-test-registry";
import type { RegistryPort } from "@/server/registry";
import { drainPoll, expectEpp, label, makeContact } from "./helpers";

const FIXTURES = path.resolve(__dirname, "../../../fixtures");
const smd = () => readFileSync(path.join(FIXTURES, "tmch/active.smd"), "utf8");

function notice(lbl: string, notAfter = "2026-06-02T00:00:00.000Z", acceptedDate = "2026-05-31T12:00:00.000Z") {
  return { noticeId: makeTcnid(lbl, Date.parse(notAfter), "1234567"), notAfter, acceptedDate };
}

/** Registrant, admin and tech: what a sunrise or landrush create must name (standards.md 1.9). */
async function people(port: RegistryPort) {
  const id = await makeContact(port);
  return {
    registrant: id,
    contacts: [
      { type: "admin" as const, id },
      { type: "tech" as const, id },
    ],
  };
}

export function launchContract(env: () => ContractEnv): void {
  it("accepts a sunrise registration only with a signed mark for the label", async () => {
    const e = env();
    await expectEpp(
      e.platform.createDomain({ name: "test-validate.bloom", authInfo: "secret-1" }),
      2002,
      /signed marks/,
    );
    await expectEpp(
      e.platform.createDomain({
        name: "other.bloom",
        authInfo: "secret-1",
        launch: { phase: "sunrise", encodedSignedMark: smd() },
      }),
      2003,
      /does not match/,
    );
    await expectEpp(
      e.platform.createDomain({
        name: "test-validate.bloom",
        authInfo: "secret-1",
        launch: { phase: "sunrise", encodedSignedMark: "!!not base64!!" },
      }),
      2005,
    );
    await expectEpp(
      e.platform.createDomain({
        name: "test-validate.bloom",
        authInfo: "secret-1",
        launch: { phase: "sunrise", encodedSignedMark: smd() },
        fee: { amount: 6000, currency: "USD" },
      }),
      2003,
      /Registrant is required/,
    );
    const created = await e.platform.createDomain({
      name: "test-validate.bloom",
      authInfo: "secret-1",
      ...(await people(e.platform)),
      launch: { phase: "sunrise", encodedSignedMark: smd() },
      fee: { amount: 6000, currency: "USD" },
    });
    expect(created.code).toBe(1000);
    const info = await e.platform.infoDomain({ name: "test-validate.bloom" });
    expect(info.data.launch?.phase).toBe("sunrise");
    await expectEpp(
      e.platform.createDomain({
        name: "acme.vista",
        authInfo: "secret-1",
        launch: { phase: "sunrise", encodedSignedMark: smd() },
      }),
      2306,
      /does not match the current phase/,
    );
  });

  it("takes a sunrise application (type application) and allocates it when sunrise ends", async () => {
    const e = env();
    const applied = await e.platform.createDomain({
      name: "test-validate.bloom",
      authInfo: "secret-1",
      ...(await people(e.platform)),
      launch: { phase: "sunrise", encodedSignedMark: smd(), application: true },
      fee: { amount: 6000, currency: "USD" },
    });
    expect(applied.code).toBe(1001);
    expect(applied.data).toMatchObject({ pending: true, applicationId: expect.any(String) });
    const applicationId = applied.data.applicationId!;
    const status = async () =>
      (await e.platform.infoDomain({ name: "test-validate.bloom", applicationId, phase: "sunrise" })).data.launch
        ?.status;
    expect(await status()).toBe("pendingAllocation");
    await expectEpp(e.platform.infoDomain({ name: "test-validate.bloom" }), 2303);
    e.admin.advanceClock({ days: 21 });
    expect(await status()).toBe("allocated");
    expect((await e.platform.infoDomain({ name: "test-validate.bloom" })).data.launch?.phase).toBe("sunrise");
  });

  it("walks a TLD from sunrise through claims to open as the registry's clock moves", async () => {
    const phase = async () => (await env().platform.checkDomains({ names: ["walk.bloom"] })).data[0].phase;
    expect(await phase()).toBe("sunrise");
    env().admin.advanceClock({ days: 21 });
    expect(await phase()).toBe("claims");
    env().admin.advanceClock({ days: 90 });
    expect(await phase()).toBe("open");
  });

  it("requires and checks a claims notice for listed labels during the claims period", async () => {
    const e = env();
    await expectEpp(
      e.platform.createDomain({ name: "acme.vista", authInfo: "secret-1" }),
      2304,
      /requires a claims notice/,
    );
    await expectEpp(
      e.platform.createDomain({
        name: "acme.vista",
        authInfo: "secret-1",
        launch: { phase: "claims", notice: { ...notice("acme"), noticeId: "00000000" + "1234567".padStart(19, "0") } },
      }),
      2004,
      /checksum/,
    );
    await expectEpp(
      e.platform.createDomain({
        name: "acme.vista",
        authInfo: "secret-1",
        launch: { phase: "claims", notice: notice("acme", "2026-05-31T00:00:00.000Z") },
      }),
      2004,
      /elapsed/,
    );
    await expectEpp(
      e.platform.createDomain({
        name: "acme.vista",
        authInfo: "secret-1",
        launch: { phase: "claims", notice: notice("acme", undefined, "2026-05-29T00:00:00.000Z") },
      }),
      2004,
      /48 hours/,
    );
    const unlisted = label();
    await expectEpp(
      e.platform.createDomain({
        name: `${unlisted}.vista`,
        authInfo: "secret-1",
        launch: { phase: "claims", notice: notice(unlisted) },
      }),
      2304,
      /does not require/,
    );
    const ok = await e.platform.createDomain({
      name: "acme.vista",
      authInfo: "secret-1",
      launch: { phase: "claims", notice: notice("acme") },
    });
    expect(ok.code).toBe(1000);
    expect((await e.platform.createDomain({ name: `${unlisted}.vista`, authInfo: "secret-1" })).code).toBe(1000);
  });

  it("answers claims checks with claim keys, and 2304 after the claims period", async () => {
    const { data } = await env().platform.claimsCheck({ names: ["acme.vista", "plain.vista"] });
    expect(data).toEqual([
      { name: "acme.vista", claim: true, claimKey: "2024010100/a/c/m/AcmeBrandClaimKey000000001", phase: "claims" },
      { name: "plain.vista", claim: false, phase: "claims" },
    ]);
    await expectEpp(env().platform.claimsCheck({ names: ["acme.com"] }), 2304, /claims period/);
    const trademark = await env().platform.claimsCheck({ names: ["acme.com"], anyPhase: true });
    expect(trademark.data[0].claim).toBe(false);
  });

  it("takes landrush applications and allocates the earliest of equal bids when landrush ends", async () => {
    const e = env();
    const name = `${label()}.forge`;
    await expectEpp(
      e.platform.createDomain({ name, authInfo: "secret-1", launch: { phase: "landrush" } }),
      2003,
      /Registrant is required/,
    );
    const mine = await e.platform.createDomain({
      name,
      authInfo: "secret-1",
      ...(await people(e.platform)),
      launch: { phase: "landrush" },
    });
    const theirs = await e.rival.createDomain({
      name,
      authInfo: "secret-2",
      ...(await people(e.rival)),
      launch: { phase: "landrush" },
    });
    expect(mine.code).toBe(1001);
    expect(mine.data.pending).toBe(true);
    expect(mine.data.applicationId).toMatch(/^A\d+-FORGE$/);
    const app = await e.platform.infoDomain({ name, applicationId: mine.data.applicationId, phase: "landrush" });
    expect(app.data).toMatchObject({
      statuses: ["pendingCreate"],
      launch: { phase: "landrush", status: "pendingAllocation" },
    });
    await expectEpp(e.rival.infoDomain({ name, applicationId: mine.data.applicationId, phase: "landrush" }), 2201);
    await expectEpp(e.platform.infoDomain({ name }), 2303);
    e.admin.advanceClock({ days: 11 });
    const info = await e.platform.infoDomain({ name });
    expect(info.data.sponsor).toBe("platform");
    expect(await drainPoll(e.platform)).toContainEqual({
      // Neither bid above the phase price (twice .forge's 22.00): the earlier wins at that price.
      message: "Application allocated at clearing price 44.00 USD.",
      kind: "pendingAction",
      name,
      status: undefined,
    });
    expect(await drainPoll(e.rival)).toContainEqual({
      message: "Application rejected.",
      kind: "pendingAction",
      name,
      status: undefined,
    });
    expect(theirs.data.applicationId).not.toBe(mine.data.applicationId);
  });

  it("auctions a contended landrush name: the highest bid wins at the second-highest (decision 121)", async () => {
    const e = env();
    const name = `${label()}.forge`;
    const bid = (amount: number) => ({ amount, currency: "USD" });
    const early = await e.rival.createDomain({
      name,
      authInfo: "secret-r",
      ...(await people(e.rival)),
      fee: bid(6_000),
      launch: { phase: "landrush" },
    });
    const mineContacts = await people(e.platform);
    const high = {
      name,
      authInfo: "secret-p",
      ...mineContacts,
      fee: bid(10_000),
      launch: { phase: "landrush" as const },
    };
    const mine = await e.platform.createDomain(high);
    // Sent again (an answer lost): the same application, not a second bid against itself.
    expect((await e.platform.createDomain(high)).data.applicationId).toBe(mine.data.applicationId);
    await expectEpp(
      e.platform.createDomain({
        name,
        authInfo: "secret-q",
        ...mineContacts,
        fee: bid(4_000),
        launch: { phase: "landrush" },
      }),
      2004,
    );
    e.admin.advanceClock({ days: 11 });
    const info = await e.platform.infoDomain({ name, applicationId: mine.data.applicationId, phase: "landrush" });
    expect(info.data.launch).toMatchObject({ status: "allocated", statusText: "clearing price 60.00 USD" });
    const lost = await e.rival.infoDomain({ name, applicationId: early.data.applicationId, phase: "landrush" });
    expect(lost.data.launch).toMatchObject({ status: "rejected" });
    expect(lost.data.launch?.statusText).toBeUndefined();
    expect((await drainPoll(e.platform)).map((m) => m.message)).toContain(
      "Application allocated at clearing price 60.00 USD.",
    );
  });

  it("requires the claims notice on a landrush application for a listed label, and takes it", async () => {
    const e = env();
    const contacts = await people(e.platform);
    await expectEpp(
      e.platform.createDomain({
        name: "globex.forge",
        authInfo: "secret-1",
        ...contacts,
        launch: { phase: "landrush" },
      }),
      2304,
      /requires a claims notice/,
    );
    const applied = await e.platform.createDomain({
      name: "globex.forge",
      authInfo: "secret-1",
      ...contacts,
      launch: { phase: "landrush", notice: notice("globex") },
    });
    expect(applied.code).toBe(1001);
    expect(applied.data.applicationId).toEqual(expect.any(String));
  });

  it("lets an applicant withdraw a landrush application", async () => {
    const name = `${label()}.forge`;
    const app = await env().platform.createDomain({
      name,
      authInfo: "secret-1",
      ...(await people(env().platform)),
      launch: { phase: "landrush" },
    });
    const del = await env().platform.deleteDomain({ name, applicationId: app.data.applicationId, phase: "landrush" });
    expect(del.code).toBe(1000);
    await expectEpp(
      env().platform.infoDomain({ name, applicationId: app.data.applicationId, phase: "landrush" }),
      2303,
    );
  });

  it("keeps an announced TLD closed until its sunrise opens", async () => {
    await expectEpp(
      env().platform.createDomain({ name: `${label()}.nova`, authInfo: "secret-1" }),
      2002,
      /does not allow/,
    );
    env().admin.advanceClock({ days: 31 });
    const { data } = await env().platform.checkDomains({ names: ["x.nova"] });
    expect(data[0]).toMatchObject({ available: true, phase: "sunrise" });
  });
}
