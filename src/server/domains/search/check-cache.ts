/**
 * Recent registry answers, per name, for a short while: people search, look, search again. Only
 * definite answers are kept, and a name we register is forgotten at once.
 */
import type { DomainCheck } from "@/server/registry";

const TTL_MS = 45_000;
const MAX_ENTRIES = 20_000;

const entries = new Map<string, { at: number; check: DomainCheck }>();

export function cachedCheck(name: string, now = Date.now()): DomainCheck | undefined {
  const hit = entries.get(name);
  if (!hit) return undefined;
  if (now - hit.at > TTL_MS) {
    entries.delete(name);
    return undefined;
  }
  // Re-insert so the map's order stays least-recently-used first.
  entries.delete(name);
  entries.set(name, hit);
  return hit.check;
}

export function rememberCheck(check: DomainCheck, now = Date.now()): void {
  entries.delete(check.name);
  entries.set(check.name, { at: now, check });
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

export function forgetCheck(name: string): void {
  entries.delete(name.toLowerCase());
}

export function clearCheckCache(): void {
  entries.clear();
}
