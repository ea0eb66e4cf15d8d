/**
 * The server's self-signed certificate, made once with the openssl CLI (Node cannot issue X.509
 * certificates) and kept in the data directory so clients can pin it between restarts.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TlsMaterial {
  key: string;
  cert: string;
}

function generate(dir: string): void {
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
        "-days",
        "3650",
        "-subj",
        "/CN=localhost/O=Mock EPP Registry",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1",
      ],
      { stdio: "pipe" },
    );
  } catch (e) {
    throw new Error(`The mock registry needs the openssl command to make its TLS certificate: ${(e as Error).message}`);
  }
}

export function ensureCertificate(dataDir: string | null): TlsMaterial {
  const dir = dataDir ? path.join(dataDir, "tls") : mkdtempSync(path.join(tmpdir(), "mock-registry-tls-"));
  mkdirSync(dir, { recursive: true });
  if (!existsSync(path.join(dir, "cert.pem")) || !existsSync(path.join(dir, "key.pem"))) generate(dir);
  const material = {
    key: readFileSync(path.join(dir, "key.pem"), "utf8"),
    cert: readFileSync(path.join(dir, "cert.pem"), "utf8"),
  };
  if (!dataDir) rmSync(dir, { recursive: true, force: true });
  return material;
}
