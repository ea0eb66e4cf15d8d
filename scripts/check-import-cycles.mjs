#!/usr/bin/env node
/**
 * Fails when folders under src/server import each other in a cycle (issue 8). Each directory is one
 * node; a file's static and dynamic imports of other server files are its folder's edges. Cycles
 * inside one folder are allowed: a folder is one unit of code. Files directly in src/server are the
 * kernel (db, context, errors, the action client), each a node of its own. Prints each cycle with one import
 * that closes it, so the fix starts from a file name.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

// `node scripts/check-import-cycles.mjs [ROOT]`: ROOT (default: this repository) holds src/server.
const root = resolve(process.argv[2] ?? resolve(import.meta.dirname, ".."));
const serverDir = join(root, "src/server");
const IMPORT = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

function target(from, spec) {
  if (spec.startsWith("@/server/")) return join(root, "src", spec.slice(2));
  if (spec.startsWith(".")) return resolve(dirname(from), spec);
  return null;
}

/** The node an import lands in: its folder, or the file itself for kernel files in src/server. */
function nodeOf(path) {
  try {
    if (statSync(path).isDirectory()) return path;
  } catch {
    // A file named without its extension.
  }
  return dirname(path) === serverDir ? path.replace(/\.tsx?$/, "") : dirname(path);
}

const edges = new Map();
for (const file of files(serverDir)) {
  const from = nodeOf(file);
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(IMPORT)) {
    const path = target(file, m[1] ?? m[2]);
    if (!path || !path.startsWith(serverDir)) continue;
    const to = nodeOf(path);
    if (to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, relative(root, file));
  }
}

// Tarjan's strongly connected components, iterative enough for a few hundred folders.
let index = 0;
const stack = [];
const meta = new Map();
const components = [];
function connect(v) {
  meta.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!meta.has(w)) {
      connect(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).onStack) {
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) components.push(component);
  }
}
for (const v of edges.keys()) if (!meta.has(v)) connect(v);

if (!components.length) {
  console.log(`import cycles: none between ${new Set([...edges.keys()]).size} server folders and kernel files`);
  process.exit(0);
}
for (const component of components) {
  const members = new Set(component);
  console.error(`import cycle between ${component.length} folders:`);
  for (const v of component.sort()) {
    for (const [w, file] of edges.get(v) ?? []) {
      if (members.has(w)) console.error(`  ${relative(root, v)} -> ${relative(root, w)}  (${file})`);
    }
  }
}
process.exit(1);
