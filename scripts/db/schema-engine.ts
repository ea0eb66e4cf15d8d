/**
 * Prisma's schema engine compiled to WebAssembly, driven over @prisma/adapter-pg. The CLI's native
 * engine cannot be downloaded on our machines (docs/decisions/003-prisma-offline.md); this module is
 * the only place that knows.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

export type SchemaFile = { path: string; content: string };

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
};
export type OpenEngine = Engine & { close(): Promise<void> };

let loaded: Promise<{ SchemaEngine: { new: (o: unknown, cb: unknown, a: unknown) => Promise<Engine> } }> | undefined;

async function loadWasm() {
  // The package's exports map hides its files; find them beside its resolved entry.
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bg = await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href);
  const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg;
}

function connectionConfig(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, ""),
  };
}

/** Opens an engine bound to a database (or to none, for pure diffs: any URL works then). */
export async function openSchemaEngine(files: SchemaFile[], databaseUrl: string): Promise<OpenEngine> {
  loaded ??= loadWasm();
  const { SchemaEngine } = await loaded;
  const factory = new PrismaPg(connectionConfig(databaseUrl));
  // engine.free() does not end the connection pools it opened; keep them to close ourselves.
  const opened: { dispose(): Promise<void> }[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  const log = () => {};
  const engine = await SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content]) },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return Object.assign(engine, {
    close: async () => {
      engine.free();
      await Promise.all(opened.map((a) => a.dispose()));
    },
  });
}

export const noFilters = { externalTables: [], externalEnums: [] };
