/**
 * `npm start`: like `npm run dev` but serves the production build (built first when missing).
 * START_WORKER=false / START_REGISTRY=false leave those to their own processes.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { loadDotEnv, runNextWithStack, startStack } from "./lib/platform-stack";
import { root } from "./db/migrations";
import { printWelcome } from "./lib/welcome";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

async function main() {
  loadDotEnv();
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    const built = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const stack = await startStack({ worker: process.env.START_WORKER !== "false", registry: process.env.START_REGISTRY !== "false" });
  runNextWithStack(stack, nextBin, ["start", "--port", process.env.PORT ?? "3000"], { NODE_ENV: "production" });
  await printWelcome();
}

void main();
