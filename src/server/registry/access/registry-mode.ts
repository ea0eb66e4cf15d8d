/**
 * Live or sandbox: which registry a command goes to (docs/decisions/100-api-sandbox.md). Test API
 * keys act as a shadow reseller whose commands must reach the sandbox registry, never the live one.
 * The mode travels with the work in AsyncLocalStorage rather than as an argument, so the services
 * below the API (search, the provisioners, manage) stay as the console calls them: the API enters the
 * sandbox for a test key's request, and the order engine enters it for a sandbox reseller's item.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { db } from "@/server/db";

const scope = new AsyncLocalStorage<"sandbox">();

/** Reseller id → whether it is a sandbox shadow. Never changes once made, so positives and negatives are kept. */
const known = new Map<string, boolean>();
const KNOWN_MAX = 50_000;

export function sandboxActive(): boolean {
  return scope.getStore() === "sandbox";
}

export function inSandbox<T>(fn: () => Promise<T>): Promise<T> {
  return scope.run("sandbox", fn);
}

export async function isSandboxReseller(resellerId: string): Promise<boolean> {
  const hit = known.get(resellerId);
  if (hit !== undefined) return hit;
  const row = await db.sandboxTenant.findUnique({
    where: { sandboxResellerId: resellerId },
    select: { resellerId: true },
  });
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(resellerId, row !== null);
  return row !== null;
}

/** Runs fn against the registry of the reseller's mode: the sandbox for a shadow reseller, else as is. */
export async function inRegistryModeOf<T>(resellerId: string, fn: () => Promise<T>): Promise<T> {
  return (await isSandboxReseller(resellerId)) ? inSandbox(fn) : fn();
}

/** Tests empty the database between cases; ids are fresh uuids, but a test may reuse one on purpose. */
export function forgetRegistryModes(): void {
  known.clear();
}
