/**
 * The TMCH stand-in as a service over HTTP: a submission moves on its clock to verified, the SMD it
 * issues verifies against its CA and CRL, the lists it publishes carry good OpenPGP signatures, CNIS
 * answers a DNL lookup key with a notice whose TCNID checks out, and revocation and expiry take marks
 * out of use.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTmchStandIn, type RunningTmchStandIn } from "@/tmch-standin/index";
import { loadTmchTrust } from "@/server/tmch/smd/trust";
import { verifySmd } from "@/server/tmch/smd/verify-smd";
import { parseDnl } from "@/server/tmch/lists/parse-dnl";
import { parseSmdrl } from "@/server/tmch/lists/parse-smdrl";
import { verifyListSignature } from "@/server/tmch/lists/verify-list-signature";
import { makeTcnid } from "@/server/tmch/standin/tcnid";
import { bloomSubmission, PROOF_OF_USE, TestClock } from "../../support/tmch-marks";

const clock = new TestClock(new Date("2026-06-01T00:00:00Z"));
const STEP = 60_000;
let tmch: RunningTmchStandIn;

beforeAll(async () => {
  tmch = await startTmchStandIn({ port: 6131, now: clock.now, reviewDelayMs: STEP, apiKey: "k" });
});
afterAll(() => tmch.close());

type View = {
  id: string;
  state: string;
  reasons: string[];
  labels: string[];
  expiresAt: string | null;
  smd: { smdId: string } | null;
};

async function call(method: string, path: string, body?: unknown, auth = true): Promise<Response> {
  return fetch(`${tmch.url}${path}`, {
    method,
    headers: {
      ...(auth ? { authorization: "Bearer k" } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}
const json = async <T = View>(r: Promise<Response>): Promise<T> => {
  const res = await r;
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(JSON.stringify(body));
  return body;
};
const text = async (path: string) => (await call("GET", path)).text();

async function trust() {
  return loadTmchTrust({
    caPem: await text("/ca/tmch-ca.pem"),
    crlPem: await text("/ca/tmch-ca.crl"),
    smdrlCsv: await text("/smdrl/smdrl-latest.csv"),
  });
}

describe("the TMCH stand-in service", () => {
  it("verifies a submission on its clock and issues an SMD that verifies against its CA, CRL and SMDRL", async () => {
    const submitted = await json(
      call("POST", "/v1/marks", {
        externalId: "ext-1",
        termYears: 1,
        submission: bloomSubmission(),
        proofOfUse: PROOF_OF_USE,
      }),
    );
    expect(submitted).toMatchObject({
      state: "submitted",
      labels: expect.arrayContaining(["bloom-and-co", "bloomco"]),
    });
    expect(
      (await json(call("POST", "/v1/marks", { externalId: "ext-1", termYears: 1, submission: bloomSubmission() }))).id,
    ).toBe(submitted.id);
    clock.advance(STEP);
    expect((await json(call("GET", `/v1/marks/${submitted.id}`))).state).toBe("verifying");
    clock.advance(STEP);
    const verified = await json(call("GET", `/v1/marks/${submitted.id}`));
    expect(verified).toMatchObject({ state: "verified", expiresAt: "2027-06-01T00:02:00.000Z" });

    const v = verifySmd(await text(`/v1/marks/${submitted.id}/smd`), await trust(), clock.now());
    expect(v).toMatchObject({ valid: true, smdId: verified.smd!.smdId, notAfter: verified.expiresAt });
    expect(v.labels).toEqual(verified.labels);
  });

  it("refuses labels the matching rules do not derive, and needs the API key", async () => {
    const r = await call("POST", "/v1/marks", {
      externalId: "ext-bad",
      termYears: 1,
      submission: { ...bloomSubmission(), labels: ["bloom-and-co", "flowers"] },
    });
    expect(r.status).toBe(422);
    expect(await r.text()).toMatch(/flowers/);
    expect((await call("GET", "/v1/marks?externalId=ext-1", undefined, false)).status).toBe(401);
  });

  it("finds an incorrect submission, takes a correction and then verifies it", async () => {
    const m = await json(
      call("POST", "/v1/marks", {
        externalId: "ext-2",
        termYears: 3,
        submission: bloomSubmission({ name: "Forge Works", regDate: "2030-01-01T00:00:00.000Z" }),
      }),
    );
    clock.advance(2 * STEP);
    const incorrect = await json(call("GET", `/v1/marks/${m.id}`));
    expect(incorrect).toMatchObject({ state: "incorrect", reasons: ["The registration date is in the future."] });
    expect((await call("POST", `/v1/marks/${m.id}/renew`, { externalId: "r", years: 1 })).status).toBe(409);
    const corrected = await json(
      call("POST", `/v1/marks/${m.id}/correct`, { submission: bloomSubmission({ name: "Forge Works" }) }),
    );
    expect(corrected.state).toBe("corrected");
    clock.advance(2 * STEP);
    const verified = await json(call("GET", `/v1/marks/${m.id}`));
    expect(verified).toMatchObject({ state: "verified", smd: null });
    expect((await call("GET", `/v1/marks/${m.id}/smd`)).status).toBe(404);
  });

  it("publishes the DNL and SMDRL signed with its OpenPGP key, and CNIS notices with a valid TCNID", async () => {
    const publicKey = await text("/keys/lists-public-key.asc");
    const csv = await text("/dnl/dnl-latest.csv");
    const sig = await text("/dnl/dnl-latest.sig");
    expect(await verifyListSignature({ data: csv, armoredSignature: sig, armoredPublicKey: publicKey })).toMatchObject({
      valid: true,
    });
    expect(
      await verifyListSignature({
        data: csv.replace("bloomco", "bloomc0"),
        armoredSignature: sig,
        armoredPublicKey: publicKey,
      }),
    ).toMatchObject({ valid: false, reason: "bad-signature" });
    const smdrl = await text("/smdrl/smdrl-latest.csv");
    expect(
      await verifyListSignature({
        data: smdrl,
        armoredSignature: await text("/smdrl/smdrl-latest.sig"),
        armoredPublicKey: publicKey,
      }),
    ).toMatchObject({ valid: true });

    const row = parseDnl(csv).rows.find((r) => r.label === "forgeworks")!;
    const notice = await text(`/cnis/${row.lookupKey}.xml`);
    const id = /<tmNotice:id>(\w+)<\/tmNotice:id>/.exec(notice)![1];
    const notAfter = /<tmNotice:notAfter>([^<]+)</.exec(notice)![1];
    expect(new Date(notAfter).getTime() - clock.now().getTime()).toBe(48 * 3_600_000);
    expect(makeTcnid("forgeworks", new Date(notAfter), id.slice(8))).toBe(id);
    expect(notice).toContain("<tmNotice:markName>Forge Works</tmNotice:markName>");
    expect(notice).toContain('<tmNotice:classDesc classNum="31">');
    expect((await call("GET", "/cnis/2026060100/a/b/c/nothere.xml")).status).toBe(404);
  });

  it("puts a withdrawn mark's SMD on the SMDRL, renews a term and lets an unrenewed mark expire", async () => {
    const m = await json(call("GET", "/v1/marks?externalId=ext-1"));
    const smdFile = await text(`/v1/marks/${m.id}/smd`);
    const renewed = await json(call("POST", `/v1/marks/${m.id}/renew`, { externalId: "renew-1", years: 1 }));
    expect(renewed.expiresAt).toBe("2028-06-01T00:02:00.000Z");
    expect(renewed.smd!.smdId).not.toBe(m.smd!.smdId);
    await json(call("POST", `/admin/marks/${m.id}/deactivate`));
    const smdrl = parseSmdrl(await text("/smdrl/smdrl-latest.csv"));
    expect(smdrl.rows.map((r) => r.smdId)).toEqual(expect.arrayContaining([m.smd!.smdId, renewed.smd!.smdId]));
    expect(verifySmd(smdFile, await trust(), clock.now()).reason).toBe("smd-revoked");
    expect(parseDnl(await text("/dnl/dnl-latest.csv")).rows.map((r) => r.label)).not.toContain("bloomco");

    const forge = await json(call("GET", "/v1/marks?externalId=ext-2"));
    clock.advance(3 * 366 * 86_400_000);
    expect((await json(call("GET", `/v1/marks/${forge.id}`))).state).toBe("expired");
    expect(parseDnl(await text("/dnl/dnl-latest.csv")).rows).toEqual([]);
  });
});
