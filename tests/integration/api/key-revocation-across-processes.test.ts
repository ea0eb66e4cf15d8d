/**
 * API keys are kept in each app process (decision 108): a revocation made in one process must
 * refuse the key on the very next request to another, and the other must really be serving its
 * copy (not reading the row each time), or the first assertion would prove nothing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { hashKey } from "@/server/api-keys/key-format";
import { createDomainReseller, createStaff } from "../../support/factories";
import { call, makeKey, testApiPort } from "./api-server";

// One port per vitest worker, inside this helper's range (or the runner's own, api-server.ts).
const PORT = testApiPort(8) ?? 6252 + Number(process.env.VITEST_POOL_ID ?? 1);
const base = `http://127.0.0.1:${PORT}/api/v1`;
let child: ChildProcess;

async function startSecondProcess(): Promise<void> {
  child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "second-api-process.ts")], {
    env: { ...process.env, SECOND_PROCESS_PORT: String(PORT) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.on("exit", (code) => reject(new Error(`second process exited (${code})`)));
    child.stdout?.on("data", (b: Buffer) => {
      out += b.toString();
      if (/ready \d+/.test(out)) resolve();
    });
  });
}

async function problemOf(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return { status: res.status, ...((await res.json()) as { code: string; detail: string }) };
}

describe("API keys cached in a second app process", () => {
  beforeAll(startSecondProcess, 60_000);
  afterAll(() => {
    child.removeAllListeners("exit");
    child.kill("SIGTERM");
  });

  it("serves its cached key until told otherwise, and refuses it on the very next request after a revocation here", async () => {
    const reseller = await createDomainReseller({ slug: "two-procs", wholesale: 1_500, balance: 100_000 });
    const { ctx } = await createStaff(reseller.id, "owner");
    const key = await makeKey(ctx, reseller.id, { scopes: ["read"] });
    expect((await call(base, key, "/orders")).status).toBe(200);

    // Behind the triggers' back (replica mode skips them): the second process keeps its copy, which
    // is what shows it no longer reads the row on every request.
    await db.$transaction([
      db.$executeRawUnsafe("set local session_replication_role = replica"),
      db.$executeRaw`update "ApiKey" set "scopes" = '{}' where "secretHash" = ${hashKey(key)}`,
    ]);
    expect((await call(base, key, "/orders")).status).toBe(200);

    const row = await db.apiKey.findUniqueOrThrow({ where: { secretHash: hashKey(key) } });
    await revokeApiKey(ctx, reseller.id, row.id);
    expect(await problemOf(await call(base, key, "/orders"))).toMatchObject({
      status: 401,
      code: "UNAUTHENTICATED",
      detail: expect.stringMatching(/revoked/),
    });
  });

  it("refuses a key on its next request there once its expiry is moved into the past by any write", async () => {
    const reseller = await createDomainReseller({ slug: "two-procs-exp", wholesale: 1_500, balance: 100_000 });
    const { ctx } = await createStaff(reseller.id, "owner");
    const key = await makeKey(ctx, reseller.id, { scopes: ["read"], expiresInDays: 30 });
    expect((await call(base, key, "/orders")).status).toBe(200);
    // SQL by hand, as an operator would: the trigger, not the service, tells every process.
    await db.$executeRaw`update "ApiKey" set "expiresAt" = now() - interval '1 second' where "secretHash" = ${hashKey(key)}`;
    expect(await problemOf(await call(base, key, "/orders"))).toMatchObject({
      status: 401,
      detail: expect.stringMatching(/expired/),
    });
  });
});
