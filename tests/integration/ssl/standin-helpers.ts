/** Shared by the stand-in tests: CSRs made on the spot, openssl as the independent judge. */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { spawnSync } from "node:child_process";
import { webcrypto } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DnsResolver } from "@/server/dns/port";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** An ECDSA P-256 key and a CSR for `names` (the first is the CN); the key stays in the test. */
export async function makeCsr(names: string[]): Promise<{ csrPem: string; keys: CryptoKeyPair }> {
  const keys = (await webcrypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: `CN=${names[0]}`,
    keys,
    signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
    extensions: [new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: "dns" as const, value })))],
  });
  return { csrPem: csr.toString("pem"), keys };
}

/** The same CSR with the last byte of its signature changed: it parses, but no longer verifies. */
export function corruptSignature(csrPem: string): string {
  const der = Buffer.from(x509.PemConverter.decodeFirst(csrPem));
  der[der.length - 1] ^= 0x01;
  return x509.PemConverter.encode(der, "CERTIFICATE REQUEST");
}

/** The platform's DNS port over a table the test writes to, as the DNS stand-in would answer. */
export function tableDns(): DnsResolver & { set(name: string, value: string): void } {
  const table = new Map<string, string[]>();
  return {
    lookupTxt: async (name) => table.get(name) ?? [],
    set: (name, value) => table.set(name, [...(table.get(name) ?? []), value]),
  };
}

const made: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  made.push(dir);
  return dir;
}

/** For afterAll: the temporary files (certificates, the stand-in's state and CA keys) go away. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function openssl(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync("openssl", args, { encoding: "utf8" });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

/** `openssl verify -CAfile root.pem -untrusted intermediate.pem leaf.pem`, files written to a temp dir. */
export function opensslVerify(rootPem: string, intermediatePem: string, leafPem: string): { ok: boolean; out: string } {
  const dir = tempDir("standin-verify");
  const file = (name: string, pem: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, pem.endsWith("\n") ? pem : `${pem}\n`);
    return p;
  };
  return openssl([
    "verify",
    "-purpose",
    "sslserver",
    "-CAfile",
    file("root.pem", rootPem),
    "-untrusted",
    file("intermediate.pem", intermediatePem),
    file("leaf.pem", leafPem),
  ]);
}
