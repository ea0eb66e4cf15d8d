/**
 * The CSR table: requests made with openssl (tests/fixtures/csr/make.sh), each with the verdict a
 * registrant should get. `openssl req -verify` agrees on every signature (see the README there).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inspectCsr } from "@/server/ssl/csr/inspect-csr";

const dir = path.resolve(__dirname, "../../fixtures/csr");

type Row = { file: string; ok: boolean; codes: string[]; names?: string[]; key?: [string, number | null] };

const TABLE: Row[] = [
  { file: "good-rsa2048.pem", ok: true, codes: [], names: ["www.example.com", "example.com"], key: ["rsa", 2048] },
  { file: "good-rsa4096.pem", ok: true, codes: [], names: ["shop.example.org"], key: ["rsa", 4096] },
  { file: "good-p256.pem", ok: true, codes: [], names: ["example.net", "www.example.net"], key: ["ecdsa", 256] },
  { file: "good-p384.pem", ok: true, codes: [], names: ["api.example.io"], key: ["ecdsa", 384] },
  { file: "good-wildcard.pem", ok: true, codes: [], names: ["*.example.com", "example.com"], key: ["ecdsa", 256] },
  {
    file: "good-multi-san.pem",
    ok: true,
    codes: [],
    names: ["example.com", "www.example.com", "example.net", "mail.example.org", "shop.example.co.uk"],
  },
  { file: "good-upper-case.pem", ok: true, codes: [], names: ["www.example.com"] },
  { file: "good-cn-only.pem", ok: true, codes: [], names: ["blog.example.com"] },
  { file: "good-der.der", ok: true, codes: [], names: ["www.example.com", "example.com"], key: ["rsa", 2048] },
  { file: "bad-rsa1024.pem", ok: false, codes: ["key_too_small"], key: ["rsa", 1024] },
  { file: "bad-p521.pem", ok: false, codes: ["key_type_not_accepted"], key: ["ecdsa", 521] },
  { file: "bad-ed25519.pem", ok: false, codes: ["key_type_not_accepted"], key: ["ed25519", null] },
  { file: "bad-sha1.pem", ok: false, codes: ["weak_signature_hash"] },
  { file: "bad-signature.pem", ok: false, codes: ["bad_signature"] },
  { file: "bad-ip-san.pem", ok: false, codes: ["ip_address"] },
  {
    file: "bad-internal-name.pem",
    ok: false,
    codes: ["internal_name", "internal_name", "internal_name", "internal_name"],
  },
  { file: "bad-wildcard-middle.pem", ok: false, codes: ["wildcard_not_leftmost"] },
  { file: "bad-double-wildcard.pem", ok: false, codes: ["wildcard_not_leftmost", "wildcard_more_than_one"] },
  { file: "bad-partial-wildcard.pem", ok: false, codes: ["wildcard_partial_label"] },
  { file: "bad-wildcard-public-suffix.pem", ok: false, codes: ["wildcard_on_public_suffix"] },
  { file: "bad-cn-not-in-san.pem", ok: false, codes: ["cn_not_in_sans"] },
  { file: "bad-unknown-tld.pem", ok: false, codes: ["unknown_tld"] },
  { file: "bad-garbage.pem", ok: false, codes: ["not_a_csr"] },
  { file: "bad-huge.pem", ok: false, codes: ["input_too_large"] },
];

describe("CSR table (openssl-made requests)", () => {
  it.each(TABLE)("$file → ok=$ok $codes", async (row) => {
    const r = await inspectCsr(readFileSync(path.join(dir, row.file)));
    expect(r.ok).toBe(row.ok);
    expect(r.problems.map((p) => p.code)).toEqual(row.codes);
    if (row.names) expect(r.names).toEqual(row.names);
    if (row.key) expect([r.keyType, r.keySize]).toEqual(row.key);
    for (const p of r.problems) expect(p.message.length).toBeGreaterThan(20);
  });

  it("agrees with openssl on every signature it can read", () => {
    for (const row of TABLE.filter(
      (r) => r.file.endsWith(".pem") && !["bad-garbage.pem", "bad-huge.pem"].includes(r.file),
    )) {
      // openssl 3.0 exits 0 either way; its words are the verdict.
      const run = spawnSync("openssl", ["req", "-in", path.join(dir, row.file), "-noout", "-verify"], {
        encoding: "utf8",
      });
      const out = run.stdout + run.stderr;
      const opensslOk = out.includes("verify OK");
      expect({ file: row.file, verified: opensslOk }).toEqual({
        file: row.file,
        verified: row.file !== "bad-signature.pem",
      });
    }
  });

  it("reads the same request as PEM text, PEM bytes and DER with the same key fingerprint", async () => {
    const pem = readFileSync(path.join(dir, "good-rsa2048.pem"), "utf8");
    const [a, b, c] = await Promise.all([
      inspectCsr(pem),
      inspectCsr(Buffer.from(pem)),
      inspectCsr(readFileSync(path.join(dir, "good-der.der"))),
    ]);
    expect(a.spkiSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([a.spkiSha256, b.spkiSha256, c.spkiSha256]).size).toBe(1);
    expect(a.csrPem).toContain("-----BEGIN CERTIFICATE REQUEST-----");
  });

  it("npm run ssl:inspect-csr prints one JSON line with the verdict", () => {
    const run = (file: string) =>
      spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/ssl-inspect-csr.ts", path.join(dir, file)], {
        encoding: "utf8",
      });
    const good = run("good-p384.pem");
    expect(good.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(good.stdout)).toMatchObject({
      ok: true,
      problems: [],
      names: ["api.example.io"],
      keyType: "ecdsa",
      keySize: 384,
    });
    expect(good.status).toBe(0);
    const huge = run("bad-huge.pem");
    expect(JSON.parse(huge.stdout)).toMatchObject({ ok: false, problems: [{ code: "input_too_large" }] });
    expect(huge.status).toBe(1);
  }, 30_000);

  it("refuses hostile input: a huge file without parsing, a long PEM of junk", async () => {
    const huge = await inspectCsr("-----BEGIN CERTIFICATE REQUEST-----\n" + "A".repeat(5_000_000));
    const junk = await inspectCsr(
      `-----BEGIN CERTIFICATE REQUEST-----\n${"MIIB".repeat(7000)}\n-----END CERTIFICATE REQUEST-----`,
    );
    expect(huge.problems[0].code).toBe("input_too_large");
    expect(junk.ok).toBe(false);
  });
});
