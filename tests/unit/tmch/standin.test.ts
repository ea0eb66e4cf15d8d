import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTmchTrust } from "@/server/tmch/smd/trust";
import { verifySmd } from "@/server/tmch/smd/verify-smd";
import { deriveLabels, LabelDerivationError } from "@/server/tmch/standin/derive-labels";
import { signSmd } from "@/server/tmch/standin/sign-smd";
import { makeTcnid } from "@/server/tmch/standin/tcnid";
import { createStandinCa, issueCrl, type StandinCa } from "@/server/tmch/standin/tmch-ca";
import { invalidFrames } from "../../support/epp-xsd";
import { fixture, PINNED, pilotTrust } from "./pilot-fixtures";

const NOW = new Date("2026-06-01T00:00:00Z");
const DAY = 86_400_000;

describe("labels from a mark by the TMCH matching rules", () => {
  it("derives exactly the labels ICANN's pilot SMD lists for 'Test & Validate'", () => {
    expect(deriveLabels("Test & Validate")).toEqual(verifySmd(fixture("active.smd"), pilotTrust(), PINNED).labels);
  });

  it("spells & out in the mark's language, drops punctuation and makes A-labels of IDNs", () => {
    expect(deriveLabels("Test & Validate", { spelledOut: { "&": ["et"] } })).toContain("test-et-validate");
    expect(deriveLabels("Yahoo!")).toEqual(["yahoo"]);
    expect(deriveLabels("Café")).toEqual(["xn--caf-dma"]);
    expect(deriveLabels("AB--CD")).toEqual([]);
    expect(() => deriveLabels("a b c d e f g h i j k l m n")).toThrow(LabelDerivationError);
  });
});

describe("TCNID", () => {
  it("matches the TMCH's test vector", () => {
    expect(makeTcnid("example-one", new Date("2010-08-16T09:00:00Z"), "9223372036854775807")).toBe(
      "370d0b7c9223372036854775807",
    );
  });
});

describe("the stand-in TMCH signs SMDs that the verifier and xmlsec1 accept", () => {
  let ca: StandinCa;
  let crlPem: string;
  let dir: string;
  beforeAll(async () => {
    ca = await createStandinCa({ now: NOW });
    crlPem = await issueCrl(ca, { thisUpdate: NOW, nextUpdate: new Date(NOW.getTime() + 30 * DAY) });
    dir = mkdtempSync(path.join(tmpdir(), "tmch-standin-"));
  });

  const sign = (over: { notBefore?: Date; notAfter?: Date } = {}) =>
    signSmd(
      {
        smdId: "0000001234-424242",
        issuer: { id: "424242", org: "Platform TMCH Stand-in", email: "tmch@example.test" },
        notBefore: over.notBefore ?? NOW,
        notAfter: over.notAfter ?? new Date(NOW.getTime() + 365 * DAY),
        mark: {
          type: "trademark",
          id: "0001-424242",
          name: "Bloom & Co",
          holder: {
            entitlement: "owner",
            org: "Bloom Co",
            addr: { street: ["1 Main St"], city: "Springfield", cc: "US" },
          },
          labels: deriveLabels("Bloom & Co"),
          goodsAndServices: "Fresh flowers",
          jurisdiction: "US",
          classes: [31, 44],
          regNum: "1234567",
          regDate: new Date("2020-01-01T00:00:00Z"),
        },
      },
      ca,
    );

  it("issues a valid SMD file for the mark, with its labels", () => {
    const v = verifySmd(sign().file, loadTmchTrust({ caPem: ca.caPem, crlPem }), NOW);
    expect(v).toMatchObject({ valid: true, smdId: "0000001234-424242", issuerId: "424242" });
    expect(v.labels).toContain("bloom-and-co");
    expect(v.marks[0]).toMatchObject({ type: "trademark", jurisdiction: "US", classes: ["31", "44"] });
  });

  it("is schema-valid (RFC 7848) and accepted by xmlsec1", async () => {
    const { xml } = sign();
    expect(await invalidFrames([xml])).toEqual([]);
    expect(await invalidFrames([xml.replace(/<mark:regNum>[^<]*<\/mark:regNum>/, "")])).toHaveLength(1);
    writeFileSync(path.join(dir, "ca.pem"), ca.caPem);
    writeFileSync(path.join(dir, "smd.xml"), xml);
    const verify = (file: string) =>
      execFileSync(
        "xmlsec1",
        [
          "--verify",
          "--id-attr:id",
          "urn:ietf:params:xml:ns:signedMark-1.0:signedMark",
          "--trusted-pem",
          path.join(dir, "ca.pem"),
          file,
        ],
        { stdio: "pipe" },
      );
    expect(() => verify(path.join(dir, "smd.xml"))).not.toThrow();
    writeFileSync(path.join(dir, "bad.xml"), xml.replace("Fresh flowers", "Fresh flower"));
    expect(() => verify(path.join(dir, "bad.xml"))).toThrow();
  });

  it("refuses its SMD once revoked, outside its dates, or with its validator on the CRL", async () => {
    const trust = loadTmchTrust({ caPem: ca.caPem, crlPem });
    const { file } = sign({ notBefore: new Date(NOW.getTime() + DAY), notAfter: new Date(NOW.getTime() + 10 * DAY) });
    expect(verifySmd(file, trust, NOW).reason).toBe("smd-not-yet-valid");
    expect(verifySmd(file, trust, new Date(NOW.getTime() + 11 * DAY)).reason).toBe("smd-expired");
    const smdrlCsv = "1,2026-06-01T00:00:00.0Z\nsmd-id,insertion-datetime\n0000001234-424242,2026-06-01T00:00:00.0Z\n";
    expect(verifySmd(sign().file, loadTmchTrust({ caPem: ca.caPem, crlPem, smdrlCsv }), NOW).reason).toBe(
      "smd-revoked",
    );
    const revoking = await issueCrl(ca, {
      thisUpdate: NOW,
      nextUpdate: new Date(NOW.getTime() + 30 * DAY),
      revokedSerials: [ca.validatorSerial],
    });
    expect(verifySmd(sign().file, loadTmchTrust({ caPem: ca.caPem, crlPem: revoking }), NOW).reason).toBe(
      "certificate-revoked",
    );
  });
});
