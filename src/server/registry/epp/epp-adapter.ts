/**
 * The registry port over EPP: a pool of TLS sessions per registry (logged in on open, kept alive
 * with <hello>, replaced when broken), a timeout on every command, and each answer parsed into a
 * typed result or an EppError that keeps the registry's code and message.
 */
import { randomBytes } from "node:crypto";
import { EppError, RegistryTransportError } from "../core/errors";
import { maskXml, type RegistryLogger } from "../core/logging";
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
import { buildRequest } from "./build-request";
import { EppConnection, type EppEndpoint } from "./connection";
import { clTRIDMismatch, parseEnvelope } from "./parse-envelope";
import { parseOutput } from "./parse-objects";
import { HELLO_FRAME, loginFrame, logoutFrame } from "./requests-objects";

export interface EppAdapterConfig extends EppEndpoint {
  name?: string;
  clientId: string;
  password: string;
  poolSize?: number;
  commandTimeoutMs?: number;
  /** Idle sessions send <hello> this often so the registry does not close them. */
  keepAliveMs?: number;
  logger?: RegistryLogger;
}

const PREFIX = randomBytes(3).toString("hex");
let counter = 0;
const nextClTRID = () => `P${PREFIX}-${++counter}`;

export function createEppPort(config: EppAdapterConfig): RegistryPort {
  const name = config.name ?? `${config.host}:${config.port}`;
  const timeout = config.commandTimeoutMs ?? 30_000;

  async function openSession(): Promise<EppConnection> {
    const { connection } = await EppConnection.open(config);
    const clTRID = nextClTRID();
    const request = loginFrame(config.clientId, config.password, clTRID);
    const started = performance.now();
    try {
      const xml = await connection.exchange(request, timeout);
      const e = parseEnvelope(xml);
      config.logger?.({
        registry: name,
        operation: "login",
        clTRID,
        svTRID: e.svTRID,
        code: e.code,
        durationMs: performance.now() - started,
        request: maskXml(request),
        response: maskXml(xml),
      });
      const mismatch = clTRIDMismatch(e, clTRID);
      if (mismatch) throw new RegistryTransportError("protocol", mismatch, true);
      if (e.code >= 2000)
        throw new EppError(e.code, e.message, { value: e.value, clTRID, svTRID: e.svTRID, operation: "login" });
      return connection;
    } catch (err) {
      connection.close();
      throw err;
    }
  }

  const pool = new SessionPool<EppConnection>(config.poolSize ?? 4, openSession);

  const keepAlive = setInterval(
    () => {
      const cutoff = Date.now() - (config.keepAliveMs ?? 300_000);
      for (const c of pool.takeIdle((s) => s.alive && s.lastUsed < cutoff)) {
        c.exchange(HELLO_FRAME, timeout).then(
          () => pool.release(c),
          () => pool.discard(c),
        );
      }
    },
    Math.min(config.keepAliveMs ?? 300_000, 60_000),
  );
  keepAlive.unref();

  const executor: RegistryExecutor = {
    async execute<K extends OperationName>(op: K, input: OpInput<K>): Promise<EppResult<OpOutput<K>>> {
      const clTRID = nextClTRID();
      const request = buildRequest(op, input, clTRID);
      const started = performance.now();
      // Masking costs a regex pass over each frame: only pay for it when someone listens.
      const log = (entry: { code?: number; svTRID?: string; response?: string; error?: string }) =>
        config.logger?.({
          registry: name,
          operation: op,
          clTRID,
          durationMs: performance.now() - started,
          request: maskXml(request),
          ...entry,
          response: entry.response === undefined ? undefined : maskXml(entry.response),
        });
      const connection = await pool.acquire();
      let xml: string;
      try {
        xml = await connection.exchange(request, timeout);
      } catch (e) {
        pool.discard(connection);
        log({ error: (e as Error).message });
        throw e;
      }
      let envelope;
      try {
        envelope = parseEnvelope(xml);
      } catch (e) {
        pool.discard(connection);
        log({ response: xml, error: (e as Error).message });
        throw new RegistryTransportError("protocol", `Unreadable registry response: ${(e as Error).message}`, true);
      }
      const mismatch = clTRIDMismatch(envelope, clTRID);
      if (mismatch) {
        // Whatever this answer belongs to, our command's own answer may still be in flight.
        pool.discard(connection);
        log({ code: envelope.code, svTRID: envelope.svTRID, response: xml, error: mismatch });
        throw new RegistryTransportError("protocol", mismatch, true);
      }
      // 25xx means the registry is closing the session; never reuse it.
      if (envelope.code >= 2500) pool.discard(connection);
      else pool.release(connection);
      log({ code: envelope.code, svTRID: envelope.svTRID, response: xml });
      if (envelope.code >= 2000)
        throw new EppError(envelope.code, envelope.message, {
          value: envelope.value,
          clTRID,
          svTRID: envelope.svTRID,
          operation: op,
        });
      let data: OpOutput<K>;
      try {
        data = parseOutput(op, envelope, input);
      } catch (e) {
        // The registry answered success: the command took effect even though we cannot read the answer.
        throw new RegistryTransportError(
          "protocol",
          `Registry response to ${op} did not match the expected shape: ${(e as Error).message}`,
          true,
        );
      }
      return { code: envelope.code, message: envelope.message, clTRID, svTRID: envelope.svTRID, data };
    },
    async close() {
      clearInterval(keepAlive);
      const idle = pool.takeIdle();
      await Promise.all(idle.map((c) => c.exchange(logoutFrame(nextClTRID()), 2_000).catch(() => undefined)));
      for (const c of idle) c.close();
      await pool.close();
    },
  };
  return bindPort(executor);
}
