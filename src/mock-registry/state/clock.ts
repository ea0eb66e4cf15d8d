/**
 * The registry's own time: wall time plus an offset, or frozen at an instant. Tests freeze it and move
 * it forward; the state remembers it, so a restarted registry keeps its time.
 */
import type { RegistryStore } from "./store";

export class RegistryClock {
  constructor(private readonly store: RegistryStore) {}

  now(): number {
    const { frozenAt, clockOffsetMs } = this.store.meta;
    return frozenAt ?? Date.now() + clockOffsetMs;
  }

  get frozen(): boolean {
    return this.store.meta.frozenAt !== undefined;
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error("The registry clock only moves forward.");
    const meta = this.store.meta;
    if (meta.frozenAt !== undefined) meta.frozenAt += ms;
    else meta.clockOffsetMs += ms;
    this.store.touchMeta();
  }

  freeze(at: number = this.now()): void {
    this.store.meta.frozenAt = at;
    this.store.touchMeta();
  }

  unfreeze(): void {
    const now = this.now();
    delete this.store.meta.frozenAt;
    this.store.meta.clockOffsetMs = now - Date.now();
    this.store.touchMeta();
  }
}
