/**
 * The commercial-CA stand-in's public entry. `createCaStandIn` gives the object alone (tests that
 * need no HTTP); `startCaStandIn` also serves the HTTP API, in this process or, through main.ts, in
 * its own. State lives in memory, written to `stateDir/state.json` when a directory is given; the CA
 * keys are made at first start and kept in `stateDir/ca/`.
 */
import type { Server } from "node:http";
import { loadOrCreateChain } from "./ca-chain";
import {
  defaultHttpFetcher,
  systemTxtResolver,
  tableTxtResolver,
  type HttpFetcher,
  type TxtResolver,
} from "./dcv-checks";
import { Faults } from "./faults";
import { listenHttpApi } from "./http-api";
import { loadState, stateWriter } from "./state-file";
import { CaStandIn } from "./stand-in";

export { CaStandIn } from "./stand-in";
export type { TxtResolver, HttpFetcher } from "./dcv-checks";
export type { FaultSpec, FaultScope } from "./faults";
export { maxCertificateDays, dcvReuseDays } from "./lifetimes";
export { PRODUCTS } from "./products";

export type CaStandInOptions = {
  stateDir?: string;
  /** TXT lookups for DNS DCV: the platform's DNS port, the system resolver, or (undefined) a table set over /admin/dns-txt. */
  resolver?: TxtResolver | "system";
  fetchHttp?: HttpFetcher;
  approval?: "auto" | "manual";
  now?: () => Date;
  /** Base URL written into certificates (CRL distribution point) and approval mails. */
  publicUrl?: string;
  apiKey?: string;
};

export async function createCaStandIn(
  o: CaStandInOptions = {},
): Promise<{ standIn: CaStandIn; faults: Faults; dnsTable?: Map<string, string[]> }> {
  const now = o.now ?? (() => new Date());
  const dnsTable = o.resolver === undefined ? new Map<string, string[]>() : undefined;
  const resolver = o.resolver === "system" ? systemTxtResolver() : (o.resolver ?? tableTxtResolver(dnsTable!));
  const standIn = new CaStandIn({
    chain: await loadOrCreateChain(o.stateDir, now()),
    state: loadState(o.stateDir),
    resolver,
    fetchHttp: o.fetchHttp ?? defaultHttpFetcher,
    publicUrl: o.publicUrl ?? "http://127.0.0.1",
    approval: o.approval ?? "auto",
    now,
    persist: o.stateDir ? stateWriter(o.stateDir) : undefined,
  });
  return { standIn, faults: new Faults(), dnsTable };
}

export type RunningCaStandIn = {
  url: string;
  port: number;
  standIn: CaStandIn;
  faults: Faults;
  close(): Promise<void>;
};

export async function startCaStandIn(
  o: CaStandInOptions & { port?: number; host?: string } = {},
): Promise<RunningCaStandIn> {
  const host = o.host ?? "127.0.0.1";
  // The public URL must name the port, which is known only after listening when port 0 is asked for.
  let url = o.publicUrl ?? "";
  const made = await createCaStandIn({ ...o, publicUrl: undefined });
  const { server, port } = await listenHttpApi(
    { standIn: made.standIn, faults: made.faults, apiKey: o.apiKey, dnsTable: made.dnsTable },
    o.port ?? 0,
    host,
  );
  url = url || `http://${host}:${port}`;
  made.standIn.setPublicUrl(url);
  return {
    url,
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
