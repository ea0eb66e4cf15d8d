/**
 * `npm run dev`: database, migrations, seed, mock registry, worker and `next dev`, stopped together.
 */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { createRequire } from "node:module";
import { loadDotEnv, runNextWithStack, startStack } from "./lib/platform-stack";
import { printWelcome } from "./lib/welcome";

const require = createRequire(import.meta.url);

async function main() {
  loadDotEnv();
  const stack = await startStack({ worker: true, registry: true });
  runNextWithStack(stack, require.resolve("next/dist/bin/next"), ["dev", "--port", process.env.PORT ?? "3000"]);
  await printWelcome();
}

void main();
