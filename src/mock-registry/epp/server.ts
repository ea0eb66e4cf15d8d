import { createServer, type Server, type TLSSocket } from "node:tls";
import type { MockRegistry } from "../registry";
import { handleConnection, type ConnectionOptions } from "./connection";
import type { TlsMaterial } from "./tls-cert";

export interface EppServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function listenEpp(reg: MockRegistry, tls: TlsMaterial, host: string, port: number, opts: ConnectionOptions): Promise<EppServer> {
  const sockets = new Set<TLSSocket>();
  const server = createServer({ key: tls.key, cert: tls.cert, minVersion: "TLSv1.2" }, (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    handleConnection(socket, reg, opts);
  });
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
