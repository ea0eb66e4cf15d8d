import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { DEV_KEY_FILES, EscrowKeysNotConfigured, loadDepositKeys } from "@/server/escrow/deposit-keys";
import { depositFileNames, manifestNameFor } from "@/server/escrow/deposit-names";
import { decryptAndVerify, signAndEncrypt } from "@/server/escrow/deposit-pgp";
import { parseEscrowConfig } from "@/server/escrow/escrow-config";
import { CsvError, HANDLE_COLUMNS, parseCsv, toCsv, type HandleRow } from "@/server/escrow/escrow-csv";
import { sftpBatch } from "@/server/escrow/sftp-upload";
import * as openpgp from "openpgp";

const row: HandleRow = {
  handle: "h-1",
  name: 'Ann "The Baker", Jr',
  address: "1 Main St,\nFloor 2",
  state: "",
  zip: "12345",
  city: "Springfield",
  country: "US",
  email: "ann@example.test",
  phone: "+1.5555550100",
  fax: "",
  organization: "",
};

describe("escrow CSV", () => {
  it("quotes every field, doubles quotes, folds line breaks, and reads back the same rows", () => {
    const csv = toCsv(HANDLE_COLUMNS, [row]);
    expect(csv.split("\n")).toEqual([
      '"handle","name","address","state","zip","city","country","email","phone","fax","organization"',
      '"h-1","Ann ""The Baker"", Jr","1 Main St, Floor 2","","12345","Springfield","US","ann@example.test","+1.5555550100","",""',
      "",
    ]);
    expect(parseCsv(HANDLE_COLUMNS, csv)).toEqual([{ ...row, address: "1 Main St, Floor 2" }]);
  });

  it("refuses a file whose header or field count is not the layout's", () => {
    expect(() => parseCsv(HANDLE_COLUMNS, '"handle","name"\n')).toThrow(CsvError);
    const short = toCsv(HANDLE_COLUMNS, [row]).replace(',"",""\n', ',""\n');
    expect(() => parseCsv(HANDLE_COLUMNS, short)).toThrow("line 2: 10 fields, expected 11");
    expect(() => parseCsv(HANDLE_COLUMNS, "")).toThrow("empty file");
  });
});

describe("deposit file names", () => {
  it("follows <IANA ID>_RDE_<date>_<kind>_<seq> and finds the manifest from any file of the deposit", () => {
    expect(depositFileNames(1234, "2026-11-29", "full")).toEqual({
      domains: "1234_RDE_2026-11-29_full_1.csv",
      handles: "1234_RDE_2026-11-29_hdl_1.csv",
      manifest: "1234_RDE_2026-11-29_hash.txt",
    });
    expect(depositFileNames(1234, "2026-11-30", "incremental").domains).toBe("1234_RDE_2026-11-30_inc_1.csv");
    expect(manifestNameFor("1234_RDE_2026-11-30_inc_1.csv.gpg")).toBe("1234_RDE_2026-11-30_hash.txt");
    expect(manifestNameFor("1234_RDE_2026-11-30_hdl_1.csv.gpg")).toBe("1234_RDE_2026-11-30_hash.txt");
    expect(manifestNameFor("1234_RDE_2026-11-30_hash.txt")).toBe("1234_RDE_2026-11-30_hash.txt");
    expect(manifestNameFor("notes.txt")).toBeNull();
  });
});

describe("escrow settings and keys", () => {
  it("defaults to the local outbox and needs host, user and key for SFTP", () => {
    expect(parseEscrowConfig({}).upload).toEqual({ kind: "local", outboxDir: ".data/escrow/outbox" });
    expect(() => parseEscrowConfig({ ESCROW_UPLOAD: "sftp", ESCROW_SFTP_HOST: "sftp.agent.example" })).toThrow(
      "ESCROW_UPLOAD=sftp needs ESCROW_SFTP_USER, ESCROW_SFTP_PRIVATE_KEY_FILE",
    );
    expect(() => parseEscrowConfig({ ESCROW_FULL_WEEKDAY: "7" })).toThrow("ESCROW_FULL_WEEKDAY");
  });

  it("generates development keys once into ESCROW_DIR, and a deposit made with them opens with the agent's", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "escrow-keys-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const config = parseEscrowConfig({ NODE_ENV: "development", ESCROW_DIR: dir });
    const keys = await loadDepositKeys(config);
    for (const f of Object.values(DEV_KEY_FILES)) expect(existsSync(path.join(dir, f))).toBe(true);
    const again = await loadDepositKeys(config);
    expect(again.signingKey.getFingerprint()).toBe(keys.signingKey.getFingerprint());

    const sealed = await signAndEncrypt(new TextEncoder().encode("hello"), "x.csv", keys);
    const agentPrivateKey = await openpgp.readPrivateKey({
      armoredKey: readFileSync(path.join(dir, DEV_KEY_FILES.agentPrivate), "utf8"),
    });
    const opened = await decryptAndVerify(sealed, { agentPrivateKey, signerKey: keys.signingKey.toPublic() });
    expect(new TextDecoder().decode(opened)).toBe("hello");
  });

  it("never invents keys in production", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "escrow-keys-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const config = parseEscrowConfig({ NODE_ENV: "production", ESCROW_DIR: dir });
    await expect(loadDepositKeys(config)).rejects.toThrow(EscrowKeysNotConfigured);
    expect(existsSync(path.join(dir, DEV_KEY_FILES.registrarPrivate))).toBe(false);
  });
});

describe("SFTP batch", () => {
  it("puts each file under a temporary name and renames it, in the order given (manifest last)", () => {
    expect(sftpBatch("/tmp/stage", ["a.csv.gpg", "b_hash.txt"], "/incoming")).toBe(
      [
        'cd "/incoming"',
        'put "/tmp/stage/a.csv.gpg" "a.csv.gpg.part"',
        '-rm "a.csv.gpg"',
        'rename "a.csv.gpg.part" "a.csv.gpg"',
        'put "/tmp/stage/b_hash.txt" "b_hash.txt.part"',
        '-rm "b_hash.txt"',
        'rename "b_hash.txt.part" "b_hash.txt"',
        "",
      ].join("\n"),
    );
  });
});
