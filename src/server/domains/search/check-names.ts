/**
 * Availability for many names: one check command per registry (in chunks of the registry's limit),
 * all registries in parallel, each with its own deadline. A registry that fails or is late does not
 * hold up the others: its names come back as `null` ("could not check").
 */
import { env } from "@/env";
import type { DomainCheck, RegistryPort, RegistryRouter } from "@/server/registry";
import { cachedCheck, rememberCheck } from "./check-cache";
import { chunks } from "@/lib/chunks";

/** Registries cap names per check (the mock and Nomulus allow 50). */
const CHUNK = 50;

export type CheckAnswer = { name: string; check: DomainCheck | null; error?: string };

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

/** Groups names by the port that serves them (one identity per registry operator). */
function groupByRegistry(router: RegistryRouter, names: string[]): Map<RegistryPort | null, string[]> {
  const groups = new Map<RegistryPort | null, string[]>();
  for (const n of names) {
    let port: RegistryPort | null;
    try {
      port = router.forDomain(n);
    } catch {
      port = null;
    }
    groups.set(port, [...(groups.get(port) ?? []), n]);
  }
  return groups;
}

async function checkGroup(port: RegistryPort, names: string[], timeoutMs: number): Promise<CheckAnswer[]> {
  const parts = await Promise.all(
    chunks(names, CHUNK).map(async (part) => {
      try {
        const { data } = await withDeadline(port.checkDomains({ names: part, years: 1 }), timeoutMs);
        const byName = new Map(data.map((c) => [c.name.toLowerCase(), c]));
        return part.map((name) => {
          const check = byName.get(name) ?? null;
          if (check) rememberCheck(check);
          return { name, check, error: check ? undefined : "the registry did not answer for this name" };
        });
      } catch (e) {
        return part.map((name) => ({ name, check: null, error: (e as Error).message }));
      }
    }),
  );
  return parts.flat();
}

/**
 * Checks `names` (A-labels, lower case). `onGroup` receives each registry's answers as they arrive
 * (bulk search streams them); the promise resolves with all answers in the order asked.
 */
export async function checkNames(
  router: RegistryRouter,
  names: string[],
  opts: { timeoutMs?: number; onAnswers?: (answers: CheckAnswer[]) => void; useCache?: boolean } = {},
): Promise<CheckAnswer[]> {
  const timeoutMs = opts.timeoutMs ?? env().REGISTRY_SEARCH_TIMEOUT_MS;
  const answers = new Map<string, CheckAnswer>();
  const toAsk: string[] = [];
  for (const name of names) {
    const hit = opts.useCache === false ? undefined : cachedCheck(name);
    if (hit) answers.set(name, { name, check: hit });
    else toAsk.push(name);
  }
  if (answers.size && opts.onAnswers) opts.onAnswers([...answers.values()]);
  await Promise.all(
    [...groupByRegistry(router, [...new Set(toAsk)])].map(async ([port, group]) => {
      const got = port
        ? await checkGroup(port, group, timeoutMs)
        : group.map((name) => ({ name, check: null, error: "no registry serves this extension" }));
      for (const a of got) answers.set(a.name, a);
      opts.onAnswers?.(got);
    }),
  );
  return names.map((n) => answers.get(n) as CheckAnswer);
}
