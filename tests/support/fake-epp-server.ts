/**
 * A scripted EPP-over-TLS server for client tests: greets every connection, then answers each frame
 * with whatever `respond` returns (nothing = no answer). Lets a test play a misbehaving registry.
 */
import { createServer, type TLSSocket } from "node:tls";
import { testTls } from "./epp-test-registry";

const EPP = "urn:ietf:params:xml:ns:epp-1.0";

export interface FakeEppServer {
  port: number;
  certPem: string;
  /** Connections accepted so far. */
  connections: number;
  close(): Promise<void>;
}

export type Responder = (request: string, connection: number) => string | undefined;

function frame(xml: string): Buffer {
  const body = Buffer.from(xml, "utf8");
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length + 4);
  return Buffer.concat([header, body]);
}

/** The clTRID a request carries (our client always sends one). */
export function clTRIDOf(request: string): string {
  return /<clTRID>([^<]*)<\/clTRID>/.exec(request)?.[1] ?? "";
}

export function eppResponse(code: number, clTRID: string | undefined, resData = ""): string {
  const cl = clTRID === undefined ? "" : `<clTRID>${clTRID}</clTRID>`;
  return `<epp xmlns="${EPP}"><response><result code="${code}"><msg>Scripted answer</msg></result>${resData}<trID>${cl}<svTRID>FAKE-1</svTRID></trID></response></epp>`;
}

/** `port` 0 picks a free one; a test that was given fixed ports passes one of them. */
export async function startFakeEppServer(respond: Responder, port = 0): Promise<FakeEppServer> {
  const tls = testTls();
  const sockets = new Set<TLSSocket>();
  const state = { connections: 0 };
  const server = createServer({ key: tls.key, cert: tls.cert }, (socket) => {
    const connection = ++state.connections;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let buf = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 4 && buf.length >= buf.readUInt32BE(0)) {
        const total = buf.readUInt32BE(0);
        const answer = respond(buf.subarray(4, total).toString("utf8"), connection);
        buf = buf.subarray(total);
        if (answer !== undefined) socket.write(frame(answer));
      }
    });
    socket.write(frame(`<epp xmlns="${EPP}"><greeting><svID>Fake registry</svID></greeting></epp>`));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    certPem: tls.cert,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
