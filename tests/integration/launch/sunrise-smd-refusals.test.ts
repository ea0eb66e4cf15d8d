/**
 * Every reason an SMD is refused, checked before the registrant pays for a sunrise application: the
 * platform verifies it against the trust of the TMCH it uses (here a TMCH CA made for the test, its
 * CRL and SMD revocation list served through the TMCH port) and tells the registrant why in words;
 * nothing is ordered. ICANN's pilot vectors cover what does not depend on the trust.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { setTmchForTests } from "@/server/tmch/http/access";
import { TmchError, type TmchPort } from "@/server/tmch/port";
import { deriveLabels } from "@/server/tmch/standin/derive-labels";
import { signSmd } from "@/server/tmch/standin/sign-smd";
import { createStandinCa, issueCrl, type StandinCa } from "@/server/tmch/standin/tmch-ca";
import { applySunrise } from "@/server/launch/apply/apply-sunrise";
import { SMD_REFUSAL_WORDS } from "@/server/launch/apply/smd-refusal-words";
import { APPLICANT, DAY, startSunriseRegistry, sunriseWorld, type SunriseRegistry } from "./support";

const FIXTURES = path.resolve(__dirname, "../../fixtures/tmch");
const pilotFile = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const b64 = (xml: string) => Buffer.from(xml, "utf8").toString("base64");
const xmlOf = (file: string) =>
  Buffer.from(
    file.split("-----BEGIN ENCODED SMD-----")[1].split("-----END ENCODED SMD-----")[0].replace(/\s+/g, ""),
    "base64",
  ).toString("utf8");

const now = new Date();
let ca: StandinCa;
let trust: { caPem: string; crlPem: string; smdrlCsv: string };
let reg: SunriseRegistry | undefined;
let w: Awaited<ReturnType<typeof sunriseWorld>>;

/** A TMCH port that serves only its trust material: all the check before payment reads. */
function trustOnlyTmch(): TmchPort {
  const no = async (): Promise<never> => {
    throw new TmchError("unavailable", "not in this test");
  };
  return {
    name: "trust-only",
    submitMark: no,
    findMark: no,
    getMark: no,
    correctMark: no,
    renewMark: no,
    uploadProofOfUse: no,
    smdFile: no,
    listsPublicKey: no,
    claimsNotice: no,
    trustMaterial: async () => ({ caPem: trust.caPem, crlPem: trust.crlPem }),
    list: async () => ({ csv: trust.smdrlCsv, signature: "" }),
  };
}

const smdrl = (ids: string[]) =>
  [`1,${now.toISOString()}`, "smd-id,insertion-datetime", ...ids.map((id) => `${id},${now.toISOString()}`)].join("\n") +
  "\n";

function smd(smdId: string, opts: { notBefore?: Date; notAfter?: Date; signer?: StandinCa; name?: string } = {}) {
  const name = opts.name ?? "Bloom & Co";
  return signSmd(
    {
      smdId,
      issuer: { id: "424242", org: "Test TMCH", email: "tmch@example.test" },
      notBefore: opts.notBefore ?? new Date(now.getTime() - DAY),
      notAfter: opts.notAfter ?? new Date(now.getTime() + 365 * DAY),
      mark: {
        type: "trademark",
        id: `${smdId}-mark`,
        name,
        holder: {
          entitlement: "owner",
          org: "Bloom Co",
          addr: { street: ["1 Main St"], city: "Springfield", cc: "US" },
        },
        labels: deriveLabels(name),
        goodsAndServices: "Fresh flowers",
        jurisdiction: "US",
        classes: [31],
        regNum: "1234567",
        regDate: new Date("2020-01-01T00:00:00Z"),
      },
    },
    opts.signer ?? ca,
  );
}

beforeAll(async () => {
  ca = await createStandinCa({ now: new Date(now.getTime() - 30 * DAY) });
  setTmchForTests(trustOnlyTmch());
});
afterAll(() => setTmchForTests(null));
beforeEach(async () => {
  trust = {
    caPem: ca.caPem,
    crlPem: await issueCrl(ca, {
      thisUpdate: new Date(now.getTime() - DAY),
      nextUpdate: new Date(now.getTime() + 6 * DAY),
    }),
    smdrlCsv: smdrl([]),
  };
  reg = startSunriseRegistry();
  w = await sunriseWorld();
});
afterEach(async () => {
  await reg?.close();
  reg = undefined;
});

async function refusal(application: Record<string, unknown>) {
  try {
    await applySunrise(w.customer.ctx, {
      resellerId: w.reseller.id,
      registrantId: w.customer.registrant.id,
      application,
      idempotencyKey: "refused",
      channel: "storefront",
      payment: "balance",
    });
  } catch (e) {
    if (!isAppError(e)) throw e;
    // Refused before payment: nothing was ordered or held.
    expect(await db.order.count()).toBe(0);
    return e;
  }
  throw new Error("the application was accepted");
}

const refusedWith = async (application: Record<string, unknown>, reason: keyof typeof SMD_REFUSAL_WORDS) =>
  expect((await refusal(application)).userMessage).toBe(SMD_REFUSAL_WORDS[reason]);

describe("an SMD refused before payment", { timeout: 120_000 }, () => {
  it("accepts a good one (the control for every case below)", async () => {
    const { order } = await applySunrise(w.customer.ctx, {
      resellerId: w.reseller.id,
      registrantId: w.customer.registrant.id,
      application: { name: "bloomco.bloom", smdFile: smd("1-424242").file, contact: APPLICANT },
      idempotencyKey: "good",
      channel: "storefront",
      payment: "balance",
    });
    expect(order.items[0]).toMatchObject({ kind: "sunrise_application", subject: "bloomco.bloom" });
  });

  it("a bad signature: a label changed after signing", async () => {
    const tampered = smd("2-424242").xml.replace(/<mark:markName>[^<]*</, "<mark:markName>Bloom & Co Ltd<");
    await refusedWith({ name: "bloomco.bloom", smdFile: b64(tampered) }, "signature-invalid");
  });

  it("a revoked SMD (on the SMDRL)", async () => {
    trust.smdrlCsv = smdrl(["3-424242"]);
    await refusedWith({ name: "bloomco.bloom", smdFile: smd("3-424242").file }, "smd-revoked");
  });

  it("the wrong label", async () => {
    const e = await refusal({ name: "florist.bloom", smdFile: smd("4-424242").file });
    expect(e.fields).toMatchObject({ name: expect.stringMatching(/not florist/) });
  });

  it("an expired SMD, and one not valid yet", async () => {
    const lapsed = smd("5-424242", {
      notBefore: new Date(now.getTime() - 30 * DAY),
      notAfter: new Date(now.getTime() - DAY),
    });
    await refusedWith({ name: "bloomco.bloom", smdFile: lapsed.file }, "smd-expired");
    const later = smd("6-424242", { notBefore: new Date(now.getTime() + DAY) });
    await refusedWith({ name: "bloomco.bloom", smdFile: later.file }, "smd-not-yet-valid");
  });

  it("an SMD from another TMCH", async () => {
    const other = await createStandinCa({ now: new Date(now.getTime() - DAY), name: "Some Other CA" });
    await refusedWith({ name: "bloomco.bloom", smdFile: smd("7-424242", { signer: other }).file }, "untrusted-chain");
    await refusedWith({ name: "test-validate.bloom", smdFile: pilotFile("active.smd") }, "untrusted-chain");
  });

  it("a validator certificate on the CRL, a CRL out of date, a validator certificate expired", async () => {
    trust.crlPem = await issueCrl(ca, {
      thisUpdate: new Date(now.getTime() - DAY),
      nextUpdate: new Date(now.getTime() + 6 * DAY),
      revokedSerials: [ca.validatorSerial],
    });
    await refusedWith({ name: "bloomco.bloom", smdFile: smd("8-424242").file }, "certificate-revoked");

    trust.crlPem = await issueCrl(ca, {
      thisUpdate: new Date(now.getTime() - 9 * DAY),
      nextUpdate: new Date(now.getTime() - 2 * DAY),
    });
    await refusedWith({ name: "bloomco.bloom", smdFile: smd("9-424242").file }, "crl-expired");

    // A CA whose five-year validator certificate lapsed a year ago.
    const old = await createStandinCa({ now: new Date(now.getTime() - 6 * 365 * DAY) });
    trust = {
      caPem: old.caPem,
      crlPem: await issueCrl(old, {
        thisUpdate: new Date(now.getTime() - DAY),
        nextUpdate: new Date(now.getTime() + DAY),
      }),
      smdrlCsv: smdrl([]),
    };
    await refusedWith(
      { name: "bloomco.bloom", smdFile: smd("10-424242", { signer: old }).file },
      "certificate-expired",
    );
  });

  it("files that are not signed marks, or forge one", async () => {
    await refusedWith({ name: "bloomco.bloom", smdFile: "!!not base64!!" }, "malformed");
    const xxe = smd("11-424242").xml.replace("?>", '?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>');
    await refusedWith({ name: "bloomco.bloom", smdFile: b64(xxe) }, "dtd-forbidden");
    await refusedWith({ name: "bloomco.bloom", smdFile: "A".repeat(257 * 1024) }, "too-large");
    const body = xmlOf(pilotFile("active.smd")).replace(/^<\?xml[^>]*\?>\s*/, "");
    const sha1 = body.replace("xmldsig-more#rsa-sha256", "xmldsig-more#rsa-sha1");
    await refusedWith({ name: "test-validate.bloom", smdFile: b64(sha1) }, "unsupported-algorithm");
    const forged = body
      .replace(/ id="_[^"]+"/, ' id="_forged"')
      .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "")
      .replace(/<mark:label>[^<]+<\/mark:label>/g, "<mark:label>google</mark:label>");
    await refusedWith(
      { name: "google.bloom", smdFile: b64(forged.replace("</smd:signedMark>", `${body}</smd:signedMark>`)) },
      "signature-wrapping",
    );
  });
});

describe("an application refused before payment for what is not the SMD", { timeout: 120_000 }, () => {
  it("outside sunrise, for a TLD not sold, and with a mark that has no SMD", async () => {
    const vista = await refusal({ name: "bloomco.vista", smdFile: smd("12-424242").file });
    expect(vista.fields).toEqual({ name: "Not in sunrise" });
    const unsold = await refusal({ name: "bloomco.forge", smdFile: smd("13-424242").file });
    expect(unsold.fields).toEqual({ name: "Not sold here" });
    const mark = await db.tmchMark.create({
      data: {
        resellerId: w.reseller.id,
        registrantId: w.customer.registrant.id,
        orderKey: "k",
        markName: "Bloom & Co",
        markType: "trademark",
        submission: {},
        termYears: 1,
        state: "verifying",
      },
    });
    const unverified = await refusal({ name: "bloomco.bloom", markId: mark.id });
    expect(unverified.fields).toEqual({ markId: "No SMD for this mark yet" });
  });
});
