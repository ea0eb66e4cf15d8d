/** Optional persistence: the whole state as one JSON file, replaced atomically after every change. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { emptyState, type StandInState } from "./model";

export function loadState(dir: string | undefined): StandInState {
  if (!dir) return emptyState();
  const file = path.join(dir, "state.json");
  if (!existsSync(file)) return emptyState();
  const parsed = JSON.parse(readFileSync(file, "utf8")) as StandInState;
  if (parsed.version !== 1) throw new Error(`${file}: unknown state version ${String(parsed.version)}`);
  return parsed;
}

export function stateWriter(dir: string): (state: StandInState) => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "state.json");
  return (state) => {
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  };
}
