/**
 * Recent registry answers, per name, for a short while: people search, look, search again. Only
 * definite answers are kept, and a name we register is forgotten at once.
 */
import type { DomainCheck } from "@/server/registry";
import { sandboxActive } from "@/server/registry/access/registry-mode";

const TTL_MS = 45_000;
const MAX_ENTRIES = 20_000;

const entries = new Map<string, { at: number; check: DomainCheck }>();

// The sandbox registry answers differently from the live one (decision 100): its answers are kept apart.
const keyOf = (name: string) => (sandboxActive() ? `sandbox:${name}` : name);

export function cachedCheck(name: string, now = Date.now()): DomainCheck | undefined {
  const key = keyOf(name);
  const hit = entries.get(key);
  if (!hit) return undefined;
  if (now - hit.at > TTL_MS) {
    entries.delete(key);
    return undefined;
  }
  // Re-insert so the map's order stays least-recently-used first.
  entries.delete(key);
  entries.set(key, hit);
  return hit.check;
}

export function rememberCheck(check: DomainCheck, now = Date.now()): void {
  const key = keyOf(check.name);
  entries.delete(key);
  entries.set(key, { at: now, check });
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

export function forgetCheck(name: string): void {
  entries.delete(keyOf(name.toLowerCase()));
}

export function clearCheckCache(): void {
  entries.clear();
}
