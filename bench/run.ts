/**
 * `npm run bench -- NAME`: runs bench/NAME.ts. Each benchmark measures its own baseline in the same
 * run, prints ratios against it, and ends with exactly one JSON line of its figures.
 */
import "../src/server-only-outside-next"; // first: lets this process load server modules outside Next
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.resolve(__dirname);
const available = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""));

const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME   (one of: ${available.join(", ")})`);
  process.exit(2);
}

// No top-level await: tsx compiles this file as CommonJS (package.json has no "type": "module").
async function main(): Promise<void> {
  const mod = (await import(pathToFileURL(path.join(dir, `${name}.ts`)).href)) as {
    default: () => Promise<Record<string, unknown>>;
  };
  const figures = await mod.default();
  console.log(JSON.stringify({ bench: name, ...figures }));
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
