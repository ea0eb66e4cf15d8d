/**
 * The registry port over the mock registry's command layer, in this process. It keeps the EPP
 * session semantics (login, session limit, one command per session, faults that withhold a response
 * or drop the session), so it passes the same contract suite as the EPP adapter, minus the wire.
 */
import { EXT_URIS, MockRegistry, OBJ_URIS, type Outcome, type RegistrySession } from "@/mock-registry";
import { setTimeout as sleep } from "node:timers/promises";
import { EppError, RegistryTransportError } from "../core/errors";
import { maskJson, type RegistryLogger } from "../core/logging";
import {
  bindPort,
  type OperationName,
  type OpInput,
  type OpOutput,
  type RegistryExecutor,
  type RegistryPort,
} from "../core/port";
import { SessionPool } from "../core/session-pool";
import type { EppResult } from "../core/types";
import { fromResponse } from "./from-response";
import { toCommand } from "./to-command";

export interface InProcessConfig {
  /** The registry to talk to; a fresh in-memory one when absent. */
  registry?: MockRegistry;
  /** For the fresh one: a sandbox registry, which purges deleted names at once (decision 126). */
  purgeOnDelete?: boolean;
  clientId: string;
  password: string;
  name?: string;
  poolSize?: number;
  commandTimeoutMs?: number;
  logger?: RegistryLogger;
}

class Pooled {
  alive = true;
  constructor(readonly session: RegistrySession) {}
  close(): void {
    this.alive = false;
    this.session.close();
  }
}

let trid = 0;

export function createInProcessPort(config: InProcessConfig): RegistryPort {
  const name = config.name ?? "inprocess";
  const timeout = config.commandTimeoutMs ?? 30_000;
  const registry = config.registry ?? new MockRegistry({ dataDir: null, purgeOnDelete: config.purgeOnDelete });
  const pool = new SessionPool<Pooled>(config.poolSize ?? 4, async () => {
    const session = registry.openSession();
    const { response } = session.login({
      clID: config.clientId,
      pw: config.password,
      version: "1.0",
      lang: "en",
      objURIs: OBJ_URIS,
      extURIs: EXT_URIS,
    });
    if (response.code >= 2000) {
      session.close();
      throw new EppError(response.code, response.message, { svTRID: response.svTRID, operation: "login" });
    }
    return new Pooled(session);
  });

  async function deliver(s: Pooled, outcome: Outcome): Promise<Outcome["response"]> {
    if (outcome.delivery === "drop") {
      pool.discard(s);
      throw new RegistryTransportError("connection", "The registry closed the connection during the command.", true);
    }
    if (outcome.delivery === "withhold") {
      await sleep(timeout);
      pool.discard(s);
      throw new RegistryTransportError("timeout", `No response from the registry within ${timeout} ms.`, true);
    }
    if (outcome.closeSession) pool.discard(s);
    else pool.release(s);
    return outcome.response;
  }

  const executor: RegistryExecutor = {
    async execute<K extends OperationName>(op: K, input: OpInput<K>): Promise<EppResult<OpOutput<K>>> {
      const started = performance.now();
      const clTRID = `P-${process.pid}-${++trid}`;
      const cmd = toCommand(op, input);
      const log = (entry: { code?: number; svTRID?: string; response?: unknown; error?: string }) =>
        config.logger?.({
          registry: name,
          operation: op,
          clTRID,
          durationMs: performance.now() - started,
          request: maskJson(cmd),
          ...entry,
          response: entry.response === undefined ? undefined : maskJson(entry.response),
        });
      const s = await pool.acquire();
      let response;
      try {
        response = await deliver(s, await s.session.execute(cmd, { clTRID }));
      } catch (e) {
        log({ error: (e as Error).message });
        throw e;
      }
      log({ code: response.code, svTRID: response.svTRID, response });
      if (response.code >= 2000)
        throw new EppError(response.code, response.message, {
          value: response.value,
          clTRID,
          svTRID: response.svTRID,
          operation: op,
        });
      return {
        code: response.code,
        message: response.message,
        clTRID,
        svTRID: response.svTRID,
        data: fromResponse(op, response),
      };
    },
    close: () => pool.close(),
  };
  return bindPort(executor);
}
