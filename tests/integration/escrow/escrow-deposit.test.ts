import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { db } from "@/server/db";
import { generateDepositKeyPair } from "@/server/escrow/deposit-keys";
import { decryptAndVerify } from "@/server/escrow/deposit-pgp";
import { DOMAIN_COLUMNS, HANDLE_COLUMNS, parseCsv } from "@/server/escrow/escrow-csv";
import type { EscrowConfig } from "@/server/escrow/escrow-config";
import { runEscrowDeposit } from "@/server/escrow/run-deposit";
import type { EscrowUploadPort } from "@/server/escrow/upload-port";
import { verifyDeposit } from "@/server/escrow/verify-deposit";
import * as openpgp from "openpgp";
import { createEscrowWorld, IANA_ID, removeTestDirs, testConfig, testKeys } from "./support/escrow-world";

afterAll(() => removeTestDirs());

const SUNDAY = new Date("2026-11-29T03:30:00Z");
const MONDAY = new Date("2026-11-30T03:30:00Z");

function outbox(config: EscrowConfig): string {
  if (config.upload.kind !== "local") throw new Error("tests use the local folder");
  return config.upload.outboxDir;
}

async function deposit(now: Date, config: EscrowConfig, port?: EscrowUploadPort) {
  const keys = await testKeys();
  return runEscrowDeposit({ now, config, keys: { signingKey: keys.signingKey, agentKey: keys.agentKey }, port });
}

async function verify(file: string, signer?: openpgp.PublicKey) {
  const keys = await testKeys();
  return verifyDeposit({ file, agentPrivateKey: keys.agentPrivateKey, signerKey: signer ?? keys.signerPublic, db });
}

/** The deposit's CSVs as the agent reads them after decrypting. */
async function openDeposit(dir: string, day: string, kind: "full" | "inc") {
  const keys = await testKeys();
  const read = async (name: string) =>
    new TextDecoder().decode(
      await decryptAndVerify(readFileSync(path.join(dir, `${IANA_ID}_RDE_${day}_${name}_1.csv.gpg`)), {
        agentPrivateKey: keys.agentPrivateKey,
        signerKey: keys.signerPublic,
      }),
    );
  const domainsText = await read(kind);
  const handlesText = await read("hdl");
  return {
    text: domainsText + handlesText,
    domains: parseCsv(DOMAIN_COLUMNS, domainsText),
    handles: parseCsv(HANDLE_COLUMNS, handlesText),
  };
}

describe("registrar data escrow", () => {
  it("makes a full deposit that escrow:verify accepts, with row counts equal to the database", async () => {
    const world = await createEscrowWorld();
    const config = testConfig();
    const result = await deposit(SUNDAY, config);
    expect(result.status).toBe("uploaded");

    const dir = outbox(config);
    expect(readdirSync(dir).sort()).toEqual([
      "9999_RDE_2026-11-29_full_1.csv.gpg",
      "9999_RDE_2026-11-29_hash.txt",
      "9999_RDE_2026-11-29_hdl_1.csv.gpg",
    ]);
    const report = await verify(path.join(dir, "9999_RDE_2026-11-29_hash.txt"));
    expect(report).toEqual({
      ok: true,
      type: "full",
      depositDate: "2026-11-29",
      rows: { "9999_RDE_2026-11-29_full_1.csv.gpg": 3, "9999_RDE_2026-11-29_hdl_1.csv.gpg": 4 },
      db: { domains: 3, handles: 4 },
      problems: [],
    });

    const { domains, handles } = await openDeposit(dir, "2026-11-29", "full");
    expect(domains.map((d) => d.domain)).toEqual(["bakery-escrow.com", "cloud-escrow.net", "secret-escrow.org"]);
    const { rita, sam, nina } = world.contacts;
    expect(domains[0]).toEqual({
      domain: "bakery-escrow.com",
      ns1: "ns1.dns-hosting.example",
      ns2: "ns2.dns-hosting.example",
      ns3: "",
      ns4: "",
      expiration_date: "2027-03-01T10:00:00Z",
      "rt-handle": rita.id,
      "tc-handle": rita.id,
      "ac-handle": rita.id,
      "bc-handle": "",
      "prt-handle": "",
      "ptc-handle": "",
      "pac-handle": "",
      "pbc-handle": "",
      "ns-more": "",
      reseller: "Acme Domains Ltd",
    });
    expect(domains[1]).toMatchObject({
      ns4: "ns4.cloud.example",
      "ns-more": "ns5.cloud.example",
      reseller: "Nimbus Domains Ltd",
    });
    // Privacy on: the public handles are the proxy service's, its customer's are kept beside them.
    expect(domains[2]).toMatchObject({
      "rt-handle": "PROXY-9999",
      "tc-handle": "PROXY-9999",
      "ac-handle": "PROXY-9999",
      "prt-handle": sam.id,
      "ptc-handle": sam.id,
      "pac-handle": sam.id,
    });
    expect(handles.find((h) => h.handle === sam.id)).toMatchObject({
      name: "Sam Secret",
      email: "sam@hidden.example",
      address: "12 Baker Street, Flat 3",
    });
    expect(handles.find((h) => h.handle === rita.id)?.organization).toBe('Rita\'s "Best", Bakery');
    expect(handles.map((h) => h.handle).sort()).toEqual(["PROXY-9999", nina.id, rita.id, sam.id].sort());

    const log = await db.escrowDeposit.findFirstOrThrow();
    expect(log).toMatchObject({ type: "full", status: "uploaded", domainRows: 3, handleRows: 4, attempts: 1 });
    expect(log.uploadResult).toBe(`local: ${path.resolve(dir)}`);
  });

  it("holds no data of names we do not sponsor: transferred away, deleted, or still being created", async () => {
    await createEscrowWorld();
    const config = testConfig();
    await deposit(SUNDAY, config);
    const { text } = await openDeposit(outbox(config), "2026-11-29", "full");
    for (const absent of ["gone-escrow.com", "Gina Gone", "gina@gone.example", "dead-escrow.net", "Dora Deleted"])
      expect(text).not.toContain(absent);
    for (const absent of ["new-escrow.io", "nora@new.example"]) expect(text).not.toContain(absent);
  });

  it("makes an incremental the next day holding only the names and contacts that changed", async () => {
    const world = await createEscrowWorld();
    const config = testConfig();
    await deposit(SUNDAY, config);

    await db.domain.update({ where: { id: world.domains.cloud.id }, data: { nameservers: ["ns9.cloud.example"] } });
    await db.contact.update({ where: { id: world.contacts.sam.id }, data: { email: "sam@new-hidden.example" } });
    // A name that leaves us after the full deposit is not carried by the incremental.
    await db.domain.update({ where: { id: world.domains.bakery.id }, data: { state: "transferred_away" } });

    const result = await deposit(MONDAY, config);
    expect(result.status).toBe("uploaded");
    const dir = outbox(config);
    const report = await verify(path.join(dir, "9999_RDE_2026-11-30_inc_1.csv.gpg"));
    expect(report).toMatchObject({
      ok: true,
      type: "incremental",
      rows: { "9999_RDE_2026-11-30_inc_1.csv.gpg": 2, "9999_RDE_2026-11-30_hdl_1.csv.gpg": 3 },
      db: { domains: 2, handles: 3 },
    });
    const { domains, handles } = await openDeposit(dir, "2026-11-30", "inc");
    expect(domains.map((d) => [d.domain, d.ns1])).toEqual([
      ["cloud-escrow.net", "ns9.cloud.example"],
      ["secret-escrow.org", "ns1.dns-hosting.example"],
    ]);
    expect(handles.map((h) => h.email).sort()).toEqual(
      ["nina@cloud.example", "privacy@registrar.example", "sam@new-hidden.example"].sort(),
    );
    const log = await db.escrowDeposit.findUniqueOrThrow({
      where: { depositDate_type: { depositDate: new Date("2026-11-30"), type: "incremental" } },
    });
    const full = await db.escrowDeposit.findFirstOrThrow({ where: { type: "full" } });
    expect(log.since!.getTime()).toBeLessThan(full.cutoff!.getTime());
  });

  it("refuses a deposit with one byte changed in an encrypted file", async () => {
    await createEscrowWorld();
    const config = testConfig();
    await deposit(SUNDAY, config);
    const file = path.join(outbox(config), "9999_RDE_2026-11-29_full_1.csv.gpg");
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(file, bytes);

    const report = await verify(file);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      "9999_RDE_2026-11-29_full_1.csv.gpg: SHA-256 differs from the manifest",
      expect.stringMatching(/^9999_RDE_2026-11-29_full_1\.csv\.gpg: refused \(decryption or signature\): /),
    ]);
    expect(report.rows).toEqual({ "9999_RDE_2026-11-29_hdl_1.csv.gpg": 4 });
  });

  it("refuses a deposit when the signer key given is not the registrar's", async () => {
    await createEscrowWorld();
    const config = testConfig();
    await deposit(SUNDAY, config);
    const stranger = await generateDepositKeyPair("Someone else", "else@elsewhere.test");
    const strangerKey = await openpgp.readKey({ armoredKey: stranger.publicKey });
    const file = path.join(outbox(config), "9999_RDE_2026-11-29_full_1.csv.gpg");

    const report = await verify(file, strangerKey);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.stringMatching(/^manifest 9999_RDE_2026-11-29_hash\.txt refused: /)]);
    // The data file's own signature is checked too, not only the manifest's.
    const keys = await testKeys();
    await expect(
      decryptAndVerify(readFileSync(file), { agentPrivateKey: keys.agentPrivateKey, signerKey: strangerKey }),
    ).rejects.toThrow();
  });

  it("deposits once per day: a rerun skips, and a failed upload is recorded and retried", async () => {
    await createEscrowWorld();
    const config = testConfig();
    let calls = 0;
    const flaky: EscrowUploadPort = {
      name: "flaky",
      async upload() {
        calls += 1;
        if (calls === 1) throw new Error("connection reset by agent");
        return "agent drop";
      },
    };
    await expect(deposit(SUNDAY, config, flaky)).rejects.toThrow("connection reset by agent");
    expect(await db.escrowDeposit.findFirstOrThrow()).toMatchObject({
      status: "failed",
      lastError: "connection reset by agent",
      attempts: 1,
    });

    const retried = await deposit(SUNDAY, config, flaky);
    expect(retried.status).toBe("uploaded");
    const again = await deposit(SUNDAY, config, flaky);
    expect(again).toMatchObject({ status: "skipped", reason: "already uploaded" });
    expect(calls).toBe(2);
    const rows = await db.escrowDeposit.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: "uploaded",
      attempts: 2,
      lastError: null,
      uploadResult: "flaky: agent drop",
    });
  });

  it("npm run escrow:verify prints one JSON line and exits 0 for a good deposit, 1 for a refused one", async () => {
    await createEscrowWorld();
    const config = testConfig();
    await deposit(SUNDAY, config);
    const keys = await testKeys();
    const keyDir = config.dir;
    writeFileSync(path.join(keyDir, "agent.asc"), keys.armored.agentPrivate);
    writeFileSync(path.join(keyDir, "signer.asc"), keys.armored.registrarPublic);
    const manifest = path.join(outbox(config), "9999_RDE_2026-11-29_hash.txt");
    const args = ["scripts/escrow-verify.ts", manifest, "--key", path.join(keyDir, "agent.asc")];
    const run = promisify(execFile);
    const tsx = path.resolve("node_modules/.bin/tsx");

    const good = await run(tsx, [...args, "--signer", path.join(keyDir, "signer.asc")], { env: process.env });
    const lines = good.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      ok: true,
      type: "full",
      db: { domains: 3, handles: 4 },
      problems: [],
    });

    const stranger = await generateDepositKeyPair("Someone else", "else@elsewhere.test");
    writeFileSync(path.join(keyDir, "stranger.asc"), stranger.publicKey);
    const bad = await run(tsx, [...args, "--signer", path.join(keyDir, "stranger.asc")], { env: process.env }).then(
      () => null,
      (err: { code: number; stdout: string }) => err,
    );
    expect(bad?.code).toBe(1);
    expect(JSON.parse(bad!.stdout.trim())).toMatchObject({ ok: false });
  }, 60_000);

  it("opens with GnuPG, as escrow agents run it: decrypts and reports a good signature from the deposit key", async () => {
    await createEscrowWorld();
    const config = testConfig();
    await deposit(SUNDAY, config);
    const keys = await testKeys();
    const home = mkdtempSync(path.join(tmpdir(), "escrow-gpg-"));
    // GnuPG starts an agent for the secret key: stop it with the test, then remove its home.
    onTestFinished(async () => {
      await promisify(execFile)("gpgconf", ["--homedir", home, "--kill", "gpg-agent"]);
      rmSync(home, { recursive: true, force: true });
    });
    const keyFile = path.join(home, "keys.asc");
    writeFileSync(keyFile, `${keys.armored.agentPrivate}\n${keys.armored.registrarPublic}`);
    const run = promisify(execFile);
    const gpg = ["--homedir", home, "--batch", "--trust-model", "always"];
    await run("gpg", [...gpg, "--import", keyFile]);

    const file = path.join(outbox(config), "9999_RDE_2026-11-29_full_1.csv.gpg");
    const { stdout, stderr } = await run("gpg", [...gpg, "--status-fd", "2", "--decrypt", file]);
    expect(stderr).toContain(`[GNUPG:] VALIDSIG ${keys.signerPublic.getFingerprint().toUpperCase()}`);
    expect(stdout).toBe((await openDeposit(outbox(config), "2026-11-29", "full")).text.split('"handle"')[0]);
    const manifest = await run("gpg", [
      ...gpg,
      "--status-fd",
      "2",
      "--verify",
      path.join(outbox(config), "9999_RDE_2026-11-29_hash.txt"),
    ]);
    expect(manifest.stderr).toContain("[GNUPG:] GOODSIG");
  });
});
