/**
 * The key and CSR made in the registrant's browser (src/lib/browser-csr.ts) must pass the platform's own
 * CSR checks with the names asked for, verify under openssl, and come with the matching private key.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeKeyAndCsr } from "@/lib/browser-csr";
import { inspectCsr } from "@/server/ssl/csr/inspect-csr";

const subtle = webcrypto.subtle as unknown as SubtleCrypto;

describe("a key and CSR made with Web Crypto", () => {
  it("passes the CSR checks with every name, as an ECDSA P-256 key", async () => {
    // Enough names that the SAN list and the request need two length bytes.
    const names = ["shop.example.com", ...Array.from({ length: 12 }, (_, i) => `www${i}.shop.example.com`)];
    const { csrPem } = await makeKeyAndCsr(names, subtle);
    const report = await inspectCsr(csrPem);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      keyType: "ecdsa",
      commonName: "shop.example.com",
      signatureHash: "SHA-256",
    });
    expect(report.curve).toBe("P-256");
    expect(report.names).toEqual(names);
  });

  it("openssl verifies the request, and its public key is the private key's", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "browser-csr-"));
    try {
      // Several runs: the DER of r and s changes length with their top bytes.
      for (let i = 0; i < 4; i++) {
        const { csrPem, privateKeyPem } = await makeKeyAndCsr(["*.example.org", "example.org"], subtle);
        writeFileSync(path.join(dir, "req.pem"), csrPem);
        writeFileSync(path.join(dir, "key.pem"), privateKeyPem);
        const verified = execFileSync("openssl", ["req", "-in", path.join(dir, "req.pem"), "-noout", "-verify"], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
        expect(verified).not.toMatch(/fail/i);
        const fromCsr = execFileSync("openssl", ["req", "-in", path.join(dir, "req.pem"), "-noout", "-pubkey"]);
        const fromKey = execFileSync("openssl", ["pkey", "-in", path.join(dir, "key.pem"), "-pubout"]);
        expect(fromCsr.toString()).toBe(fromKey.toString());
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses to make a request without a name", async () => {
    await expect(makeKeyAndCsr([], subtle)).rejects.toThrow(/at least one name/);
  });
});
