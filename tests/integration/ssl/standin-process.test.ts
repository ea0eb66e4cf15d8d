/**
 * `npm run ca-standin` as its own process: CA keys made at first start and kept (private keys
 * 0600) in its state directory, orders kept across a restart, TXT answers set over its admin API.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { standInCertificateAuthority } from "@/server/ssl/ca/standin/standin-adapter";
import { makeCsr, opensslVerify, removeTempDirs, tempDir } from "./standin-helpers";

const PORT = 5743;
const children: ChildProcess[] = [];

async function start(dataDir: string): Promise<ChildProcess> {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["src/ca-standin/main.ts"], {
    env: { ...process.env, CA_STANDIN_PORT: String(PORT), CA_STANDIN_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`stand-in did not start: ${out}`)), 20_000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("CA stand-in:")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => reject(new Error(`stand-in exited ${code}: ${out}`)));
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

afterEach(async () => {
  for (const c of children.splice(0)) await stop(c);
  removeTempDirs();
});

describe("the stand-in as its own process", () => {
  it("keeps its CA and its orders in the state directory across a restart", { timeout: 90_000 }, async () => {
    const dataDir = tempDir("ca-standin-state");
    const url = `http://127.0.0.1:${PORT}`;
    const ca = standInCertificateAuthority({ baseUrl: url, timeoutMs: 5_000 });
    const first = await start(dataDir);

    const { csrPem } = await makeCsr(["process.example.com"]);
    const placed = await ca.placeOrder({
      externalId: "proc-1",
      csrPem,
      names: ["process.example.com"],
      level: "dv",
      dcvMethod: "dns-txt",
      validityDays: 30,
    });
    const c = placed.challenges[0];
    const set = await fetch(`${url}/admin/dns-txt`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: c.dnsRecordName, values: [c.dnsRecordValue] }),
    });
    expect(set.status).toBe(200);
    const issued = await ca.confirmChallenge(placed.caOrderId, c.name);
    expect(issued.state).toBe("issued");
    const [root] = await ca.trustAnchorsPem();

    const caDir = path.join(dataDir, "ca");
    expect(statSync(path.join(caDir, "intermediate.key.pem")).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(caDir, "root.key.pem")).mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(dataDir, "state.json"))).toBe(true);
    await stop(first);

    await start(dataDir);
    expect(await ca.trustAnchorsPem()).toEqual([root]);
    const after = await ca.getOrder(placed.caOrderId);
    expect(after.state).toBe("issued");
    expect(after.certificate!.serialNumber).toBe(issued.certificate!.serialNumber);
    const intermediate = readFileSync(path.join(caDir, "intermediate.pem"), "utf8");
    expect(opensslVerify(root, intermediate, after.certificate!.certificatePem).ok).toBe(true);
  });
});
