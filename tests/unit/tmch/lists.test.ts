import * as openpgp from "openpgp";
import { describe, expect, it } from "vitest";
import { ListFormatError } from "@/server/tmch/lists/list-csv";
import { parseDnl } from "@/server/tmch/lists/parse-dnl";
import { parseSmdrl } from "@/server/tmch/lists/parse-smdrl";
import { verifyListSignature } from "@/server/tmch/lists/verify-list-signature";
import { fixture } from "./pilot-fixtures";

const key = fixture("marksdb-public-key-test.asc");

describe("DNL and SMDRL files", () => {
  it("parses ICANN's DNL into labels and lookup keys", () => {
    const dnl = parseDnl(fixture("dnl-latest.csv"));
    expect(dnl.createdAt.toISOString()).toBe("2013-11-24T23:15:37.400Z");
    expect(dnl.rows).toHaveLength(113);
    expect(dnl.rows[0]).toEqual({
      label: "test---validate",
      lookupKey: "2013112500/6/1/d/YduYflFKIFHoOYwDfN",
      insertedAt: new Date("2013-09-05T00:00:00.000Z"),
    });
  });

  it("parses ICANN's SMDRLs into revoked SMD ids", () => {
    expect(parseSmdrl(fixture("smdrl-latest.csv")).rows).toHaveLength(150);
    expect(parseSmdrl(fixture("smdrl.csv")).rows.map((r) => r.smdId)).toContain("000000541669081776937-65535");
  });

  it("refuses a list that is not in ICANN's format", () => {
    expect(() => parseDnl("1,2013-11-24T23:15:37.4Z\nlabel,key,date\n")).toThrow(ListFormatError);
    expect(() => parseSmdrl("2,2013-11-24T23:15:37.4Z\nsmd-id,insertion-datetime\n")).toThrow(ListFormatError);
    expect(() =>
      parseSmdrl("1,2013-11-24T23:15:37.4Z\nsmd-id,insertion-datetime\nnot-an-id,2013-01-01T00:00:00Z"),
    ).toThrow(/not an SMD id/);
    expect(() =>
      parseDnl(`1,2013-11-24T23:15:37.4Z\nDNL,lookup-key,insertion-datetime\n${"x".repeat(65 * 1024 * 1024)}`),
    ).toThrow(/larger than allowed/);
  });
});

describe("detached OpenPGP signatures", () => {
  for (const list of ["dnl-latest", "smdrl-latest"]) {
    it(`verifies ${list}.csv against the TMCH test key, and refuses it with one byte flipped`, async () => {
      const data = Buffer.from(fixture(`${list}.csv`));
      const armoredSignature = fixture(`${list}.sig`);
      const ok = await verifyListSignature({ data, armoredSignature, armoredPublicKey: key, allowSha1: true });
      expect(ok).toMatchObject({ valid: true, keyId: "b8c4e99b4cfd374c" });
      const flipped = Buffer.from(data);
      flipped[120] ^= 0x01;
      const bad = await verifyListSignature({
        data: flipped,
        armoredSignature,
        armoredPublicKey: key,
        allowSha1: true,
      });
      expect(bad).toMatchObject({ valid: false, reason: "bad-signature" });
    });
  }

  it("refuses ICANN's SHA-1 test signatures unless they are explicitly allowed", async () => {
    const v = await verifyListSignature({
      data: fixture("dnl-latest.csv"),
      armoredSignature: fixture("dnl-latest.sig"),
      armoredPublicKey: key,
    });
    expect(v).toMatchObject({ valid: false, reason: "bad-signature" });
  });

  it("verifies a list signed with SHA-256 by default, and refuses another key's signature", async () => {
    const mine = await openpgp.generateKey({
      type: "ecc",
      curve: "curve25519Legacy",
      userIDs: [{ email: "tmch@example.test" }],
    });
    const privateKey = await openpgp.readPrivateKey({ armoredKey: mine.privateKey });
    const csv = "1,2026-06-01T00:00:00.0Z\nsmd-id,insertion-datetime\n1-65535,2026-06-01T00:00:00.0Z\n";
    const armoredSignature = await openpgp.sign({
      message: await openpgp.createMessage({ binary: new TextEncoder().encode(csv) }),
      signingKeys: privateKey,
      detached: true,
    });
    expect((await verifyListSignature({ data: csv, armoredSignature, armoredPublicKey: mine.publicKey })).valid).toBe(
      true,
    );
    expect((await verifyListSignature({ data: csv, armoredSignature, armoredPublicKey: key })).valid).toBe(false);
    expect(
      (await verifyListSignature({ data: csv, armoredSignature: "garbage", armoredPublicKey: mine.publicKey })).valid,
    ).toBe(false);
  });
});
