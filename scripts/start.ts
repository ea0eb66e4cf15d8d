/**
 * `npm start`: like `npm run dev` but serves the production build (built first when missing).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { loadDotEnv, startStack } from "./lib/platform-stack";
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
  const port = process.env.PORT ?? "3000";
  const next = spawn(process.execPath, [nextBin, "start", "--port", port], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: stack.databaseUrl },
  });
  await printWelcome();

  let stopping = false;
  async function shutdown(code: number) {
    if (stopping) return;
    stopping = true;
    next.kill("SIGTERM");
    await stack.stop();
    process.exit(code);
  }
  next.on("exit", (code) => void shutdown(code ?? 0));
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
}

void main();
