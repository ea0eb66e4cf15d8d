import { describe, expect, it } from "vitest";
import { MAX_SMD_BYTES } from "@/server/tmch/smd/decode-smd-input";
import { verifySmd } from "@/server/tmch/smd/verify-smd";
import { encode, fixture, PINNED, pilotTrust, smdXml } from "./pilot-fixtures";

const trust = pilotTrust();
const verify = (input: string, at = PINNED) => verifySmd(input, trust, at);

describe("ICANN's pilot SMDs behave as named (clock pinned where the pilot CRL is current)", () => {
  it("accepts active.smd and reads its mark from the signed content", () => {
    const v = verify(fixture("active.smd"));
    expect(v).toMatchObject({
      valid: true,
      reason: "ok",
      smdId: "000000851669081693741-65535",
      issuerId: "65535",
      notBefore: "2022-11-22T01:48:13.741Z",
      notAfter: "2027-10-18T14:57:36.681Z",
    });
    expect(v.marks).toEqual([
      expect.objectContaining({
        type: "court",
        name: "Test & Validate",
        holders: [{ entitlement: "owner", name: "Tony Holland", org: "Ag corporation", cc: "US" }],
        cc: "US",
        courtName: "Hove",
      }),
    ]);
    expect(v.labels).toEqual([
      "test---validate",
      "test--validate",
      "test-and-validate",
      "test-andvalidate",
      "test-validate",
      "testand-validate",
      "testandvalidate",
      "testvalidate",
    ]);
  });

  it("refuses revoked.smd by the SMD revocation list only", () => {
    expect(verify(fixture("revoked.smd"))).toMatchObject({
      valid: false,
      reason: "smd-revoked",
      smdId: "000000541669081776937-65535",
    });
    // Without the list, the same file verifies: the signature and the certificate are fine.
    expect(verifySmd(fixture("revoked.smd"), pilotTrust({ smdrlCsv: undefined }), PINNED).reason).toBe("ok");
  });

  it("refuses invalid.smd by its signature, and reports nothing from the unsigned content", () => {
    expect(verify(fixture("invalid.smd"))).toMatchObject({
      valid: false,
      reason: "signature-invalid",
      smdId: null,
      marks: [],
      labels: [],
    });
  });

  it("refuses tmv-cert-revoked.smd because its validator certificate is on the CRL", () => {
    expect(verify(fixture("tmv-cert-revoked.smd"))).toMatchObject({ valid: false, reason: "certificate-revoked" });
  });
});

describe("every other refusal has its own reason", () => {
  const active = smdXml("active.smd");

  it("takes the three input forms: the SMD file, the raw XML and a bare encodedSignedMark", () => {
    expect(verify(active).reason).toBe("ok");
    expect(verify(encode(active)).reason).toBe("ok");
    expect(verify(`\n  ${encode(active).replace(/(.{76})/g, "$1\n")}\n`).reason).toBe("ok");
  });

  it("refuses a mark whose text was changed after signing", () => {
    const tampered = active.replace("<mark:goodsAndServices>guitar<", "<mark:goodsAndServices>guitars<");
    expect(tampered).not.toBe(active);
    expect(verify(encode(tampered)).reason).toBe("signature-invalid");
    const relabelled = active.replace("<mark:label>testvalidate</mark:label>", "<mark:label>google</mark:label>");
    expect(verify(relabelled)).toMatchObject({ valid: false, reason: "signature-invalid", labels: [] });
  });

  it("refuses signature wrapping: a forged root around the signed mark", () => {
    const body = active.replace(/^<\?xml[^>]*\?>\s*/, "");
    const forged = body
      .replace(/ id="_[^"]+"/, ' id="_forged"')
      .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "")
      .replace(/<mark:label>[^<]+<\/mark:label>/g, "<mark:label>google</mark:label>");
    const wrapped = forged.replace("</smd:signedMark>", `${body}</smd:signedMark>`);
    const v = verify(wrapped);
    expect(v).toMatchObject({ valid: false, reason: "signature-wrapping", labels: [] });
  });

  it("refuses signature wrapping: a second element with the signed id next to a forged mark", () => {
    const body = active.replace(/^<\?xml[^>]*\?>\s*/, "");
    const forgedMark = active.replace(/<mark:label>[^<]+<\/mark:label>/g, "<mark:label>google</mark:label>");
    const smuggled = forgedMark.replace("</ds:Signature>", `<ds:Object>${body}</ds:Object></ds:Signature>`);
    expect(verify(smuggled)).toMatchObject({ valid: false, reason: "signature-wrapping", labels: [] });
  });

  it("refuses a DTD and an external entity before any parser resolves it", () => {
    const xxe = active
      .replace("?>", '?><!DOCTYPE smd:signedMark [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
      .replace(">guitar<", ">&xxe;<");
    expect(verify(encode(xxe)).reason).toBe("dtd-forbidden");
    expect(verify(active.replace("?>", "?><!DOCTYPE smd:signedMark>")).reason).toBe("dtd-forbidden");
  });

  it("refuses a huge input before decoding it", () => {
    expect(verify("A".repeat(MAX_SMD_BYTES + 4)).reason).toBe("too-large");
    const padded = active.replace("?>", `?><!--${"x".repeat(MAX_SMD_BYTES)}-->`);
    expect(verify(encode(padded)).reason).toBe("too-large");
  });

  it("refuses algorithms RFC 7848 does not use", () => {
    const sha1 = active.replace("xmldsig-more#rsa-sha256", "xmldsig-more#rsa-sha1");
    expect(verify(sha1).reason).toBe("unsupported-algorithm");
  });

  it("refuses what is not an SMD at all", () => {
    expect(verify("!!not base64!!").reason).toBe("malformed");
    expect(verify(encode("<smd:signedMark")).reason).toBe("malformed");
    expect(verify(encode("<foo/>")).reason).toBe("malformed");
  });

  it("checks the SMD's own validity window", () => {
    expect(verify(active, new Date("2022-11-22T00:00:00Z")).reason).toBe("smd-not-yet-valid");
    expect(verify(active, new Date("2022-11-16T12:00:00Z")).reason).toBe("certificate-not-yet-valid");
    expect(verify(active, new Date("2022-11-15T00:00:00Z")).reason).toBe("untrusted-chain");
    // Past the pilot CRL's nextUpdate only a registry keeping its last CRL can reach the SMD's dates.
    const lastKnown = pilotTrust({ crlFreshness: "last-known" });
    expect(verifySmd(active, lastKnown, new Date("2027-10-19T00:00:00Z")).reason).toBe("smd-expired");
    expect(verifySmd(active, lastKnown, new Date("2027-11-16T00:00:00Z")).reason).toBe("certificate-expired");
  });

  it("refuses every SMD once the CRL is past its nextUpdate", () => {
    expect(verify(active, new Date("2023-04-07T00:00:00Z")).reason).toBe("crl-expired");
    // Between the validator certificate's notBefore (13:28:59) and the CRL's thisUpdate (13:32:27).
    expect(verify(active, new Date("2022-11-16T13:30:00Z")).reason).toBe("crl-expired");
    expect(verifySmd(active, pilotTrust({ crlFreshness: "last-known" }), new Date("2026-06-01T00:00:00Z")).reason).toBe(
      "ok",
    );
  });
});
