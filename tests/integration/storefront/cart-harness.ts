/**
 * What the storefront's cart tests share besides the cookie jar (./cookie-jar.ts): per test an empty
 * jar and fulfilment queue, and a registry the test may start, closed after it.
 */
import { afterEach, beforeEach } from "vitest";
import { startInProcessRegistry, type TestRegistry } from "../../support/factories";
import { clearFulfilmentQueue } from "../domains/fulfilment/helpers";
import { jar } from "./cookie-jar";

/** Registers the per-test hooks; `startRegistry()` starts the in-process registry the hooks close. */
export function cartTestHooks() {
  let reg: TestRegistry | undefined;
  beforeEach(async () => {
    jar.clear();
    await clearFulfilmentQueue();
  });
  afterEach(async () => {
    await reg?.close();
    reg = undefined;
  });
  return {
    startRegistry: () => {
      reg = startInProcessRegistry();
      return reg;
    },
  };
}
