/**
 * A bounded pool of logged-in sessions, shared by both adapters: at most `size` sessions, each
 * running one command at a time; callers queue for a free one. Broken sessions are discarded and
 * replaced on the next acquire.
 */
export interface PooledSession {
  readonly alive: boolean;
  close(): void;
}

export class SessionPool<S extends PooledSession> {
  private idle: S[] = [];
  private count = 0;
  private waiters: ((s: S | Error) => void)[] = [];
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly open: () => Promise<S>,
  ) {}

  async acquire(): Promise<S> {
    if (this.closed) throw new Error("The registry connection pool is closed.");
    while (this.idle.length > 0) {
      const s = this.idle.pop() as S;
      if (s.alive) return s;
      this.count -= 1;
    }
    if (this.count < this.size) {
      this.count += 1;
      try {
        return await this.open();
      } catch (e) {
        this.count -= 1;
        this.wakeOne();
        throw e;
      }
    }
    return new Promise<S>((resolve, reject) => this.waiters.push((s) => (s instanceof Error ? reject(s) : resolve(s))));
  }

  release(s: S): void {
    if (!s.alive || this.closed) return this.discard(s);
    const waiter = this.waiters.shift();
    if (waiter) waiter(s);
    else this.idle.push(s);
  }

  discard(s: S): void {
    s.close();
    this.count -= 1;
    this.wakeOne();
  }

  /** A waiter gets the chance to open a fresh session in place of a discarded one. */
  private wakeOne(): void {
    const waiter = this.waiters.shift();
    if (!waiter) return;
    this.acquire().then(waiter, (e: Error) => waiter(e));
  }

  /**
   * Takes idle sessions out of the pool (for keep-alive or logout) so no command can use them
   * meanwhile; give each back with release() or discard().
   */
  takeIdle(predicate: (s: S) => boolean = () => true): S[] {
    const taken = this.idle.filter(predicate);
    this.idle = this.idle.filter((s) => !taken.includes(s));
    return taken;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w(new Error("The registry connection pool is closed."));
    for (const s of this.idle.splice(0)) s.close();
  }
}
