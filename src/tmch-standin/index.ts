/**
 * The TMCH stand-in's public entry. `createTmchStandIn` gives the object alone; `startTmchStandIn`
 * also serves the HTTP API, in this process (the platform stack, tests) or, through main.ts, in its
 * own. State lives in memory, written to `stateDir/state.json` when a directory is given; keys are
 * made at first start and kept in `stateDir/keys/`, proofs of use in `stateDir/proof-of-use/`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Server } from "node:http";
import { Faults } from "./faults";
import { listenHttpApi } from "./http-api";
import { loadOrCreateKeys } from "./pki";
import { loadState, stateWriter } from "./state-file";
import { TmchStandIn } from "./stand-in";

export { TmchStandIn, ISSUER_ID } from "./stand-in";
export type { FaultSpec, FaultScope } from "./faults";
export type { MarkState, MarkSubmission } from "./model";

export type TmchStandInOptions = {
  stateDir?: string;
  now?: () => Date;
  /** Each review step's length (submitted → verifying → verified or incorrect). Default 60 s. */
  reviewDelayMs?: number;
  apiKey?: string;
};

export async function createTmchStandIn(o: TmchStandInOptions = {}): Promise<{ standIn: TmchStandIn; faults: Faults }> {
  const now = o.now ?? (() => new Date());
  const dir = o.stateDir;
  const standIn = new TmchStandIn({
    keys: await loadOrCreateKeys(dir, now()),
    state: loadState(dir),
    now,
    reviewDelayMs: o.reviewDelayMs ?? 60_000,
    persist: dir ? stateWriter(dir) : undefined,
    saveProof: dir
      ? (sha256, content) => {
          mkdirSync(path.join(dir, "proof-of-use"), { recursive: true });
          writeFileSync(path.join(dir, "proof-of-use", sha256), content);
        }
      : undefined,
  });
  return { standIn, faults: new Faults() };
}

export type RunningTmchStandIn = {
  url: string;
  port: number;
  standIn: TmchStandIn;
  faults: Faults;
  close(): Promise<void>;
};

export async function startTmchStandIn(
  o: TmchStandInOptions & { port?: number; host?: string } = {},
): Promise<RunningTmchStandIn> {
  const host = o.host ?? "127.0.0.1";
  const made = await createTmchStandIn(o);
  const { server, port } = await listenHttpApi(
    { standIn: made.standIn, faults: made.faults, apiKey: o.apiKey },
    o.port ?? 0,
    host,
  );
  return {
    url: `http://${host}:${port}`,
    port,
    standIn: made.standIn,
    faults: made.faults,
    close: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
}
