/**
 * The read barrier of a LISTEN connection (decision 103). PostgreSQL queues notifications in commit
 * order and a listener receives them in that order, so when the connection hears a NOTIFY it sent
 * itself, it has already heard every notification committed before that NOTIFY was sent. Callers
 * that arrive while a barrier is on the wire wait for the next one; everyone waiting shares it, so
 * under load one round trip serves many requests.
 *
 * A request that consults several caches needs one round, not one per cache (decision 135): inside
 * `freshAsOf(arrivedAt, fn)`, a round sent after the request arrived proves everything the request
 * needs, so a later wait of the same request joins it on the wire or, once it is back, needs no
 * round at all.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type BarrierConnection = {
  /** Sends `pg_notify(channel, token)` on the listening connection. */
  notifySelf(token: string): Promise<unknown>;
};

export type Barrier = {
  wait(): Promise<boolean>;
  /** The listening connection heard `token` on its own channel. */
  heard(token: string): void;
  /** The connection is gone: nobody waiting can be told the truth any more. */
  fail(): void;
};

type Round = { token: string; promise: Promise<boolean>; settle: (ok: boolean) => void; sentAt: number };

// On globalThis: Next bundles each route apart, and the request's scope must reach the listener's barrier.
const SCOPE = Symbol.for("registrar-platform.barrier-arrival");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<number> | undefined>;
const arrival = (holder[SCOPE] ??= new AsyncLocalStorage<number>());

/** Runs fn as a request that arrived at `arrivedAt` (performance.now()): changes committed after it need not be seen. */
export function freshAsOf<T>(arrivedAt: number, fn: () => T): T {
  return arrival.run(arrivedAt, fn);
}

export function createBarrier(conn: BarrierConnection, timeoutMs: number): Barrier {
  let seq = 0;
  let next: Round | null = null;
  let inFlight: Round | null = null;
  /** When the last round that came back was sent; a failure forgets it. */
  let provenSince = -Infinity;

  function round(): Round {
    let settle!: (ok: boolean) => void;
    const promise = new Promise<boolean>((resolve) => (settle = resolve));
    return { token: String(++seq), promise, settle, sentAt: Infinity };
  }

  function send(): void {
    const r = next;
    if (!r || inFlight) return;
    next = null;
    inFlight = r;
    r.sentAt = performance.now();
    const timer = setTimeout(() => finish(r, false), timeoutMs);
    timer.unref?.();
    r.promise.finally(() => clearTimeout(timer)).catch(() => undefined);
    conn.notifySelf(r.token).catch(() => finish(r, false));
  }

  function finish(r: Round, ok: boolean): void {
    if (inFlight !== r) return;
    inFlight = null;
    provenSince = ok ? r.sentAt : -Infinity;
    r.settle(ok);
    send();
  }

  return {
    wait() {
      const arrivedAt = arrival.getStore();
      if (arrivedAt !== undefined) {
        if (provenSince >= arrivedAt) return Promise.resolve(true);
        if (inFlight && inFlight.sentAt >= arrivedAt) return inFlight.promise;
      }
      if (!next) {
        next = round();
        // Callers of the same tick share the round; it leaves once the one on the wire is back.
        queueMicrotask(send);
      }
      return next.promise;
    },
    heard(token) {
      if (inFlight?.token === token) finish(inFlight, true);
    },
    fail() {
      const waiting = next;
      next = null;
      provenSince = -Infinity;
      if (inFlight) finish(inFlight, false);
      waiting?.settle(false);
    },
  };
}
