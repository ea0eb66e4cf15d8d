/**
 * Debian's pebble (a test ACME CA) and pebble-challtestsrv (its DNS and HTTP challenge server) for
 * integration tests: free ports from 5750-5759, a self-signed TLS certificate made with openssl at
 * start (the package ships none), EAB required with a test kid/key, no random validation delay,
 * certificates of 200 days. See /work/shared/notes/acme-pebble.md.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import dgram from "node:dgram";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const PORT_RANGE = { from: 5750, to: 5759 };
const START_TIMEOUT_MS = 15_000;

export interface Pebble {
  directoryUrl: string;
  /** pebble's management API (HTTPS, same certificate): /roots/0, /intermediates/0, /cert-status-by-serial/S. */
  managementUrl: string;
  /** pebble-challtestsrv's management API (HTTP): /set-txt, /clear-txt, /add-http01 … */
  challtestsrvUrl: string;
  /** The self-signed certificate pebble's HTTPS listeners present: trust it to talk to pebble. */
  tlsCaPem: string;
  eab: { kid: string; hmacKey: string };
  /** GET on pebble's management API. */
  management(pathname: string): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

function findBinary(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function tcpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket("udp4");
    socket.once("error", () => resolve(false));
    socket.bind(port, "127.0.0.1", () => socket.close(() => resolve(true)));
  });
}

async function freePorts(count: number, alsoUdp: number): Promise<number[]> {
  const found: number[] = [];
  for (let port = PORT_RANGE.from; port <= PORT_RANGE.to && found.length < count; port++) {
    const needsUdp = found.length < alsoUdp;
    if ((await tcpFree(port)) && (!needsUdp || (await udpFree(port)))) found.push(port);
  }
  if (found.length < count)
    throw new Error(`pebble needs ${count} free ports in ${PORT_RANGE.from}-${PORT_RANGE.to}; found ${found.length}.`);
  return found;
}

function getHttps(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
}

function start(binary: string, args: string[], env: Record<string, string>): Started {
  const child = spawn(binary, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, output: () => output };
}

async function waitUntil(what: string, started: Started, ready: () => Promise<boolean>) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`${what} exited at start:\n${started.output()}`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not become ready in ${START_TIMEOUT_MS} ms:\n${started.output()}`);
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(child.pid, "SIGTERM");
  const timer = setTimeout(
    () => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, "SIGKILL"),
    3000,
  );
  await exited;
  clearTimeout(timer);
}

export async function startPebble(): Promise<Pebble> {
  const pebbleBin = findBinary("pebble");
  const challtestsrvBin = findBinary("pebble-challtestsrv");
  if (!pebbleBin || !challtestsrvBin)
    throw new Error("pebble and pebble-challtestsrv are not installed: run `sudo apt-get install -y pebble`.");

  // The DNS port comes first: it is the one that must be free for UDP as well.
  const [dnsPort, acmePort, managementPort, challtestsrvPort, http01Port, tlsAlpnPort] = await freePorts(6, 1);
  const dir = await mkdtemp(path.join(os.tmpdir(), "pebble-"));
  const certPath = path.join(dir, "cert.pem");
  const keyPath = path.join(dir, "key.pem");
  const openssl = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-keyout",
      keyPath,
      "-out",
      certPath,
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ],
    { encoding: "utf8" },
  );
  if (openssl.status !== 0) throw new Error(`openssl could not make pebble's TLS certificate: ${openssl.stderr}`);
  const tlsCaPem = await readFile(certPath, "utf8");

  const eab = { kid: "test-kid-1", hmacKey: randomBytes(32).toString("base64url") };
  const configPath = path.join(dir, "pebble-config.json");
  await writeFile(
    configPath,
    JSON.stringify({
      pebble: {
        listenAddress: `127.0.0.1:${acmePort}`,
        managementListenAddress: `127.0.0.1:${managementPort}`,
        certificate: certPath,
        privateKey: keyPath,
        httpPort: http01Port,
        tlsPort: tlsAlpnPort,
        ocspResponderURL: "",
        externalAccountBindingRequired: true,
        externalAccountMACKeys: { [eab.kid]: eab.hmacKey },
        certificateValidityPeriod: 17_280_000,
      },
    }),
  );

  const challtestsrv = start(
    challtestsrvBin,
    [
      "-dns01",
      `127.0.0.1:${dnsPort}`,
      "-http01",
      `127.0.0.1:${http01Port}`,
      "-https01",
      "",
      "-tlsalpn01",
      "",
      "-management",
      `127.0.0.1:${challtestsrvPort}`,
      "-defaultIPv4",
      "127.0.0.1",
      "-defaultIPv6",
      "",
    ],
    {},
  );
  const pebble = start(pebbleBin, ["-config", configPath, "-dnsserver", `127.0.0.1:${dnsPort}`], {
    PEBBLE_VA_NOSLEEP: "1",
    // Deterministic runs: no random badNonce rejections, and every order validates afresh.
    PEBBLE_WFE_NONCEREJECT: "0",
    PEBBLE_AUTHZREUSE: "0",
  });
  const stop = async () => {
    await Promise.all([stopProcess(pebble.child), stopProcess(challtestsrv.child)]);
    await rm(dir, { recursive: true, force: true });
  };

  const challtestsrvUrl = `http://127.0.0.1:${challtestsrvPort}`;
  const directoryUrl = `https://127.0.0.1:${acmePort}/dir`;
  const managementUrl = `https://127.0.0.1:${managementPort}`;
  try {
    await waitUntil("pebble-challtestsrv", challtestsrv, async () => {
      const response = await fetch(`${challtestsrvUrl}/clear-txt`, {
        method: "POST",
        body: JSON.stringify({ host: "ready.test." }),
      });
      return response.ok;
    });
    await waitUntil("pebble", pebble, async () => (await getHttps(directoryUrl, tlsCaPem)).status === 200);
    await waitUntil("pebble's management API", pebble, async () => {
      return (await getHttps(`${managementUrl}/roots/0`, tlsCaPem)).status === 200;
    });
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    directoryUrl,
    managementUrl,
    challtestsrvUrl,
    tlsCaPem,
    eab,
    management: (pathname) => getHttps(`${managementUrl}${pathname}`, tlsCaPem),
    stop,
  };
}
