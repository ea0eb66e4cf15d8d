/**
 * The read barrier of a LISTEN connection (decision 103). PostgreSQL queues notifications in commit
 * order and a listener receives them in that order, so when the connection hears a NOTIFY it sent
 * itself, it has already heard every notification committed before that NOTIFY was sent. Callers
 * that arrive while a barrier is on the wire wait for the next one; everyone waiting shares it, so
 * under load one round trip serves many requests.
 */
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

type Round = { token: string; promise: Promise<boolean>; settle: (ok: boolean) => void };

export function createBarrier(conn: BarrierConnection, timeoutMs: number): Barrier {
  let seq = 0;
  let next: Round | null = null;
  let inFlight: Round | null = null;

  function round(): Round {
    let settle!: (ok: boolean) => void;
    const promise = new Promise<boolean>((resolve) => (settle = resolve));
    return { token: String(++seq), promise, settle };
  }

  function send(): void {
    const r = next;
    if (!r || inFlight) return;
    next = null;
    inFlight = r;
    const timer = setTimeout(() => finish(r, false), timeoutMs);
    timer.unref?.();
    r.promise.finally(() => clearTimeout(timer)).catch(() => undefined);
    conn.notifySelf(r.token).catch(() => finish(r, false));
  }

  function finish(r: Round, ok: boolean): void {
    if (inFlight !== r) return;
    inFlight = null;
    r.settle(ok);
    send();
  }

  return {
    wait() {
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
      if (inFlight) finish(inFlight, false);
      waiting?.settle(false);
    },
  };
}
