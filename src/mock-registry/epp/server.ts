import { createServer, type Server, type TLSSocket } from "node:tls";
import type { MockRegistry } from "../registry";
import { handleConnection, type ConnectionOptions } from "./connection";
import { refuseConnection } from "./refuse-connection";
import type { TlsMaterial } from "./tls-cert";

export interface EppServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export interface ServerOptions extends ConnectionOptions {
  /** Sessions served at once; a connection beyond them gets 2502 to its first command, then a close. */
  maxConnections: number;
}

export async function listenEpp(
  reg: MockRegistry,
  tls: TlsMaterial,
  host: string,
  port: number,
  opts: ServerOptions,
): Promise<EppServer> {
  const sockets = new Set<TLSSocket>();
  let served = 0;
  const server = createServer({ key: tls.key, cert: tls.cert, minVersion: "TLSv1.2" }, (socket) => {
    sockets.add(socket);
    if (served >= opts.maxConnections) {
      socket.on("close", () => sockets.delete(socket));
      return refuseConnection(socket, reg, opts);
    }
    served += 1;
    socket.on("close", () => {
      sockets.delete(socket);
      served -= 1;
    });
    handleConnection(socket, reg, opts);
  });
  // Refusing politely still costs a TLS handshake each; beyond twice the cap, sockets are dropped at accept.
  server.maxConnections = opts.maxConnections * 2;
  // Handshake failures (a plain-TCP client, a port scanner) are the client's problem, not ours.
  server.on("tlsClientError", () => {});
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return {
    server,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
