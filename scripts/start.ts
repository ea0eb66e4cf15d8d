/**
 * `npm start`: like `npm run dev` but serves the production build (built first when missing), in
 * production mode: development defaults are refused before anything starts (src/server/production-check.ts).
 * START_WORKER=false / START_REGISTRY=false leave those to their own processes.
 *
 * `npm run start:local` (`--local`) is for trying the production build on a laptop: it accepts, by
 * name, the development stand-ins a laptop has (test payments, local DNS, the mock registry, the
 * development secrets, the demo seed). Never use it for a deployment.
 */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseEnv } from "../src/env";
import { unsafeProductionSettings, describeUnsafeSettings } from "../src/server/production-check";
import { loadDotEnv, runNextWithStack, startStack } from "./lib/platform-stack";
import { root } from "./db/migrations";
import { printWelcome } from "./lib/welcome";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

const LOCAL_TRY_OUT = {
  ALLOW_TEST_PAYMENTS: "1",
  ALLOW_LOCAL_DNS: "1",
  ALLOW_MOCK_REGISTRY: "1",
  ALLOW_DEV_SECRETS: "1",
  ALLOW_EXAMPLE_PRIVACY_CONTACT: "1",
  ALLOW_CA_STANDIN: "1",
  ALLOW_TMCH_STANDIN: "1",
  SEED_DEMO: "1",
  ALLOW_DEMO_SEED: "1",
};

async function main() {
  loadDotEnv();
  const local = process.argv.includes("--local");
  // The worker, the seed and the mock registry run in this process beside Next: all in one mode,
  // so none of them falls back to development secrets the server would refuse.
  Object.assign(process.env, { NODE_ENV: "production" }, local ? LOCAL_TRY_OUT : {});
  const startRegistry = process.env.START_REGISTRY !== "false";
  const unsafe = unsafeProductionSettings(parseEnv(process.env), { startsMockRegistry: startRegistry });
  if (unsafe.length) {
    console.error(describeUnsafeSettings(unsafe));
    console.error("To try the production build on this machine with the development stand-ins: npm run start:local");
    process.exit(1);
  }
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    const built = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const stack = await startStack({ worker: process.env.START_WORKER !== "false", registry: startRegistry });
  runNextWithStack(stack, nextBin, ["start", "--port", process.env.PORT ?? "3000"], { NODE_ENV: "production" });
  if (local) await printWelcome();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
