/**
 * Where a lane's time per order goes (`FULFILMENT_STEP_TIMES=1`, read by `npm run bench -- domains`):
 * wall time summed per step of an attempt. Off, each call is one look at the parsed settings.
 */
import { env } from "@/env";

type Sum = { n: number; ms: number };

const sums = new Map<string, Sum>();
const on = () => env().FULFILMENT_STEP_TIMES;

export function addStep(name: string, ms: number): void {
  if (!on()) return;
  const s = sums.get(name) ?? { n: 0, ms: 0 };
  s.n += 1;
  s.ms += ms;
  sums.set(name, s);
}

/** Runs `fn` and adds its wall time under `name` (when timing is on). */
export async function timeStep<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!on()) return fn();
  const started = performance.now();
  try {
    return await fn();
  } finally {
    addStep(name, performance.now() - started);
  }
}

/** Per step since the last call: milliseconds per order and how many times it ran; starts afresh. */
export function takeStepTimes(orders: number): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const [name, s] of sums) out[name] = [Number((s.ms / orders).toFixed(1)), s.n];
  sums.clear();
  return out;
}
