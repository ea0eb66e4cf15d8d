/**
 * The mock registry answers sunrise creates the way standards.md 1.9 says, over real EPP, with its
 * SMD check done by the platform's TMCH verifier against the registry's configured TMCH trust.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkSignedMark, setTmchTrust } from "@/mock-registry/policy/launch-marks";
import { deriveLabels } from "@/server/tmch/standin/derive-labels";
import { signSmd } from "@/server/tmch/standin/sign-smd";
import { createStandinCa, issueCrl } from "@/server/tmch/standin/tmch-ca";
import { eppEnv, FROZEN_AT, type ContractEnv } from "../../support/epp-test-registry";
import { expectEpp, makeContact } from "../../unit/registry/contract/helpers";

const FIXTURES = path.resolve(__dirname, "../../fixtures/tmch");
const smdFile = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const activeXml = () => {
  const block = smdFile("active.smd").split("-----BEGIN ENCODED SMD-----")[1].split("-----END ENCODED SMD-----")[0];
  return Buffer.from(block.replace(/\s+/g, ""), "base64").toString("utf8");
};
const b64 = (xml: string) => Buffer.from(xml).toString("base64");

let env: ContractEnv;
beforeAll(async () => {
  env = await eppEnv();
  // The first verification loads the trust and warms the XML and X.509 code: on a loaded machine
  // that can outlast the port's command timeout, which is not what these tests are about.
  checkSignedMark(smdFile("active.smd"), "testvalidate", Date.parse(FROZEN_AT));
  // Likewise the TLS session and login, which the first command would otherwise pay for.
  await env.platform.checkDomains({ names: ["warm-up.bloom"] });
});
afterAll(async () => {
  await env.close();
});
afterEach(() => setTmchTrust(null));

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

describe("sunrise creates with ICANN's pilot SMDs", () => {
  it("registers the label of a valid SMD", async () => {
    expect((await sunrise("testvalidate.bloom", smdFile("active.smd"))).code).toBe(1000);
  });

  it("answers each refused SMD with its own code and message", async () => {
    await expectEpp(sunrise("test-validate.bloom", smdFile("revoked.smd")), 2306, /Signed mark data is revoked/);
    await expectEpp(sunrise("test-validate.bloom", smdFile("invalid.smd")), 2306, /signature is invalid/);
    await expectEpp(sunrise("test-validate.bloom", smdFile("tmv-cert-revoked.smd")), 2306, /certificate was revoked/);
    const tampered = activeXml().replace(">guitar<", ">guitars<");
    await expectEpp(sunrise("test-validate.bloom", b64(tampered)), 2306, /signature is invalid/);
    const xxe = activeXml().replace("?>", '?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>');
    await expectEpp(sunrise("test-validate.bloom", b64(xxe)), 2005, /could not be parsed/);
    await expectEpp(sunrise("test-validate.bloom", "!!not base64!!"), 2005);
    await expectEpp(sunrise("google.bloom", smdFile("active.smd")), 2003, /does not match the desired domain label/);
  });

  it("refuses SMDs outside sunrise and sunrise without an SMD", async () => {
    await expectEpp(sunrise("test-validate.vista", smdFile("active.smd")), 2306, /does not match the current phase/);

    await expectEpp(
      env.platform.createDomain({ name: "test-validate.vista", authInfo: "secret-1", launch: { phase: "claims" } }),
      2304,
    );
    await expectEpp(
      env.platform.createDomain({ name: "test-validate.bloom", authInfo: "secret-1" }),
      2002,
      /signed marks/,
    );
  });

  it("trusts the stand-in TMCH once configured with its CA: its SMDs in, ICANN's out, dates enforced", async () => {
    const now = new Date(FROZEN_AT);
    const day = 86_400_000;
    const ca = await createStandinCa({ now });
    const crlPem = await issueCrl(ca, { thisUpdate: now, nextUpdate: new Date(now.getTime() + 7 * day) });
    setTmchTrust({ caPem: ca.caPem, crlPem });
    const smd = (smdId: string, notBefore: Date, notAfter: Date, signer = ca) =>
      signSmd(
        {
          smdId,
          issuer: { id: "424242", org: "Platform TMCH Stand-in", email: "tmch@example.test" },
          notBefore,
          notAfter,
          mark: {
            type: "trademark",
            id: `${smdId}-mark`,
            name: "Bloom & Co",
            holder: {
              entitlement: "owner",
              org: "Bloom Co",
              addr: { street: ["1 Main St"], city: "Springfield", cc: "US" },
            },
            labels: deriveLabels("Bloom & Co"),
            goodsAndServices: "Fresh flowers",
            jurisdiction: "US",
            classes: [31],
            regNum: "1234567",
            regDate: new Date("2020-01-01T00:00:00Z"),
          },
        },
        signer,
      ).file;
    await expectEpp(sunrise("test-validate.bloom", smdFile("active.smd")), 2306, /not signed by the TMCH CA/);
    const later = smd("1-424242", new Date(now.getTime() + day), new Date(now.getTime() + 30 * day));
    await expectEpp(sunrise("bloomandco.bloom", later), 2306, /not yet valid/);
    const lapsed = smd("2-424242", new Date(now.getTime() - 30 * day), new Date(now.getTime() - day));
    await expectEpp(sunrise("bloomandco.bloom", lapsed), 2306, /has expired/);
    const current = smd("3-424242", new Date(now.getTime() - day), new Date(now.getTime() + 365 * day));
    expect((await sunrise("bloomandco.bloom", current)).code).toBe(1000);

    // A CA whose validator certificate (five years) lapsed a year ago.
    const old = await createStandinCa({ now: new Date(now.getTime() - 6 * 365 * day) });
    setTmchTrust({
      caPem: old.caPem,
      crlPem: await issueCrl(old, { thisUpdate: now, nextUpdate: new Date(now.getTime() + 7 * day) }),
    });
    const byLapsedValidator = smd("4-424242", new Date(now.getTime() - day), new Date(now.getTime() + day), old);
    await expectEpp(sunrise("bloom-co.bloom", byLapsedValidator), 2306, /certificate has expired/);
  });

  it("refuses signature wrapping and algorithms RFC 7848 does not use", async () => {
    const body = activeXml().replace(/^<\?xml[^>]*\?>\s*/, "");
    const forged = body
      .replace(/ id="_[^"]+"/, ' id="_forged"')
      .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "")
      .replace(/<mark:label>[^<]+<\/mark:label>/g, "<mark:label>google</mark:label>");
    const wrapped = forged.replace("</smd:signedMark>", `${body}</smd:signedMark>`);
    await expectEpp(sunrise("google.bloom", b64(wrapped)), 2306, /signature is invalid/);
    const sha1 = activeXml().replace("xmldsig-more#rsa-sha256", "xmldsig-more#rsa-sha1");
    await expectEpp(sunrise("test-validate.bloom", b64(sha1)), 2306, /signature is invalid/);
  });
});
