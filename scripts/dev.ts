/**
 * `npm run dev`: database, migrations, seed, mock registry, worker and `next dev`, stopped together.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { loadDotEnv, startStack } from "./lib/platform-stack";
import { printWelcome } from "./lib/welcome";

const require = createRequire(import.meta.url);

async function main() {
  loadDotEnv();
  const stack = await startStack({ worker: true, registry: true });
  const port = process.env.PORT ?? "3000";
  const next = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "dev", "--port", port], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: stack.databaseUrl },
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
