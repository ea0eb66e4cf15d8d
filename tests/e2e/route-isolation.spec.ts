/**
 * Every route handler attacked over real HTTP against the production build, with sessions made by
 * signing in through the real forms (tests/e2e/support/route-attacks.ts lists the attacks, and a unit
 * test fails when a route.ts has none). The requests go out from Node with the Host header set, since
 * Node cannot resolve `*.localhost` as Chromium does, carrying the cookies each browser was given; so
 * a session can also be carried where its browser would never send it (another storefront's host, the
 * console).
 */
import { execFileSync } from "node:child_process";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { passSecondFactor } from "./support/second-factor";
import {
  ROUTE_ATTACKS,
  type Actor,
  type Answer,
  type Call,
  type Probe,
  type Where,
  type World,
} from "./support/route-attacks";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSWORD = "demo-password-123";
// A password hash and a code check took over the default 10 s on a loaded machine (load 20+).
const SLOW = 60_000;
const HOSTS: Record<Where, string> = {
  console: `localhost:${PORT}`,
  acme: `acme.localhost:${PORT}`,
  nimbus: `nimbus.localhost:${PORT}`,
  nowhere: `nowhere.localhost:${PORT}`,
};
// The database scripts/e2e-server.ts made: on DATABASE_URL's server, or its own embedded cluster.
const E2E_DB = process.env.DATABASE_URL
  ? `${process.env.DATABASE_URL.replace(/\/[^/]*$/, "")}/${process.env.E2E_DB_NAME ?? "registrar_e2e"}`
  : `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 5490}/${process.env.E2E_DB_NAME ?? "registrar_e2e"}`;

const SIGN_INS: Record<Exclude<Actor, "anonymous">, { at: Where; email: string }> = {
  acmeOwner: { at: "console", email: "owner@acme.test" },
  nimbusOwner: { at: "console", email: "owner@nimbus.test" },
  jane: { at: "acme", email: "jane@example.com" },
  janeSpare: { at: "acme", email: "jane@example.com" },
  mallory: { at: "acme", email: "mallory@example.com" },
  sam: { at: "nimbus", email: "sam@example.com" },
};

function makeWorld(): World {
  const out = execFileSync(
    process.execPath,
    [
      require.resolve("tsx/cli"),
      "--tsconfig",
      path.resolve("tsconfig.json"),
      "tests/e2e/support/route-isolation-world.ts",
    ],
    {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: E2E_DB,
        REGISTRY_EPP_PORT: process.env.E2E_REGISTRY_PORT ?? "7100",
        // The mock registry's self-signed certificate, where scripts/e2e-server.ts keeps its state.
        REGISTRY_EPP_CA_FILE: path.resolve(
          `.data/e2e-registry${process.env.E2E_DB_NAME ? `-${process.env.E2E_DB_NAME}` : ""}`,
          "tls",
          "cert.pem",
        ),
        CONSOLE_HOST: HOSTS.console,
        STOREFRONT_BASE_DOMAIN: HOSTS.console,
      },
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  return JSON.parse(out.trim().split("\n").at(-1) ?? "") as World;
}

/** Signs in through the form in a browser of its own; returns the Cookie header that browser sends. */
async function signIn(browser: Browser, actor: keyof typeof SIGN_INS): Promise<string> {
  const { at, email } = SIGN_INS[actor];
  const context = await browser.newContext();
  const page = await context.newPage();
  const origin = `http://${HOSTS[at]}`;
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  if (at === "console") await expect(page).toHaveURL(/\/sign-in\/code/, { timeout: SLOW });
  await passSecondFactor(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: SLOW });
  const cookies = await context.cookies(origin);
  await context.close();
  expect(cookies.length, `${actor} has a session cookie`).toBeGreaterThan(0);
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

function send(call: Call, cookie: string | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: HOSTS[call.at], ...call.headers };
    if (cookie) headers.cookie = cookie;
    if (call.body !== undefined) headers["content-length"] = String(Buffer.byteLength(call.body));
    const req = httpRequest({ host: "localhost", port: PORT, method: call.method, path: call.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location ?? null,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(call.body);
  });
}

let world: World;
const cookies = new Map<Actor, string>();

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(600_000);
  world = makeWorld();
  for (const actor of Object.keys(SIGN_INS) as (keyof typeof SIGN_INS)[])
    cookies.set(actor, await signIn(browser, actor));
});

async function run(p: Probe): Promise<void> {
  for (const [i, step] of p.steps.entries()) {
    const call = step.call(world);
    const answer = await send(call, cookies.get(call.as));
    expect(
      step.check(answer, world),
      `${p.name}, step ${i + 1}: ${call.method} ${call.at} ${call.path} as ${call.as}`,
    ).toBeNull();
  }
}

for (const [route, { attacks, control }] of Object.entries(ROUTE_ATTACKS)) {
  test(`${route}: refused to the wrong tenant, registrant, host and nobody`, async () => {
    for (const attack of attacks) await run(attack);
    // After the attacks: the rightful caller still reaches the object, so the refusals were about who asked.
    if (control) await run(control);
  });
}
