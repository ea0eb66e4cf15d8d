import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTmchTrust, TrustMaterialError } from "@/server/tmch/smd/trust";
import { verifySmd } from "@/server/tmch/smd/verify-smd";
import { createStandinCa, issueCrl } from "@/server/tmch/standin/tmch-ca";
import { x509 } from "@/server/tmch/x509-runtime";
import { fixture, PINNED, pilotTrust, smdXml, TMCH_FIXTURES } from "./pilot-fixtures";

describe("trust material", () => {
  it("loads the pilot CRL signed by the pilot CA, and refuses one signed by another key", async () => {
    const ca = new x509.X509Certificate(fixture("icann-tmch-pilot.crt"));
    // @peculiar/x509's own (asynchronous) check is the oracle for the synchronous one at load.
    expect(await new x509.X509Crl(fixture("icann-tmch-pilot.crl")).verify({ publicKey: ca })).toBe(true);
    expect(await new x509.X509Crl(fixture("icann-tmch-pilot-old.crl")).verify({ publicKey: ca })).toBe(false);
    expect(() => pilotTrust()).not.toThrow();
    expect(() => pilotTrust({ crlPem: fixture("icann-tmch-pilot-old.crl") })).toThrow(TrustMaterialError);
  });

  it("refuses a CRL another CA signed", async () => {
    const other = await createStandinCa({ now: PINNED });
    const crl = await issueCrl(other, { thisUpdate: PINNED, nextUpdate: new Date(PINNED.getTime() + 86_400_000) });
    expect(() => pilotTrust({ crlPem: crl })).toThrow(/not signed by the configured TMCH CA/);
  });

  it("refuses an SMD whose validator certificate chains to a different CA", async () => {
    const other = await createStandinCa({ now: PINNED });
    const crlPem = await issueCrl(other, { thisUpdate: PINNED, nextUpdate: new Date(PINNED.getTime() + 86_400_000) });
    const wrongCa = loadTmchTrust({ caPem: other.caPem, crlPem });
    expect(verifySmd(fixture("active.smd"), wrongCa, PINNED).reason).toBe("untrusted-chain");
    // ICANN's production CA did not issue the pilot validators either.
    const production = new x509.X509Certificate(fixture("icann-tmch.crt"));
    expect(production.subject).toContain("ICANN Trademark Clearinghouse CA");
  });
});

describe("xmlsec1 as an independent oracle", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "tmch-xmlsec-"));
  });

  function xmlsec1Accepts(xml: string): boolean {
    const file = path.join(dir, `smd-${Math.random().toString(36).slice(2)}.xml`);
    writeFileSync(file, xml);
    try {
      execFileSync(
        "xmlsec1",
        [
          "--verify",
          "--id-attr:id",
          "urn:ietf:params:xml:ns:signedMark-1.0:signedMark",
          "--trusted-pem",
          path.join(TMCH_FIXTURES, "icann-tmch-pilot.crt"),
          "--verification-gmt-time",
          "2023-01-15 23:15:37",
          file,
        ],
        { stdio: "pipe" },
      );
      return true;
    } catch {
      return false;
    }
  }

  it("agrees on the valid, the invalid and a tampered SMD", () => {
    const trust = pilotTrust();
    const cases = {
      active: smdXml("active.smd"),
      invalid: smdXml("invalid.smd"),
      tampered: smdXml("active.smd").replace(">guitar<", ">guitars<"),
    };
    const ours = Object.fromEntries(Object.entries(cases).map(([k, xml]) => [k, verifySmd(xml, trust, PINNED).valid]));
    const theirs = Object.fromEntries(Object.entries(cases).map(([k, xml]) => [k, xmlsec1Accepts(xml)]));
    expect(ours).toEqual({ active: true, invalid: false, tampered: false });
    expect(theirs).toEqual(ours);
  });
});
