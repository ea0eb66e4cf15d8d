/**
 * One EPP session over TLS: greeting, login, then strictly one command in flight. Any timeout or
 * transport error kills the connection, because a late response would otherwise be read as the answer
 * to the next command.
 */
import { connect, type ConnectionOptions as TlsOptions, type TLSSocket } from "node:tls";
import { RegistryTransportError } from "../core/errors";
import { FrameBuffer, frame } from "./framing";

export interface EppEndpoint {
  host: string;
  port: number;
  /** PEM of the CA (or the self-signed certificate) to trust; absent means the system store. */
  ca?: string;
  /** Accept any certificate: development against the mock only. */
  insecure?: boolean;
  servername?: string;
  clientCert?: { cert: string; key: string };
  connectTimeoutMs: number;
  maxFrameBytes?: number;
}

export class EppConnection {
  alive = true;
  lastUsed = Date.now();
  private waiting?: { resolve: (xml: string) => void; reject: (e: Error) => void };
  private readonly inbox: string[] = [];
  private readonly reader: FrameBuffer;

  private constructor(
    private readonly socket: TLSSocket,
    maxFrameBytes: number,
  ) {
    this.reader = new FrameBuffer(maxFrameBytes);
    socket.on("data", (chunk: Buffer) => {
      try {
        for (const xml of this.reader.push(chunk)) this.deliver(xml);
      } catch (e) {
        this.fail(new RegistryTransportError("protocol", (e as Error).message, true));
      }
    });
    socket.on("close", () =>
      this.fail(new RegistryTransportError("connection", "The registry closed the connection.", true)),
    );
    socket.on("error", (e) => this.fail(new RegistryTransportError("connection", e.message, true)));
  }

  static async open(ep: EppEndpoint): Promise<{ connection: EppConnection; greeting: string }> {
    // Node treats an explicit `undefined` option differently from an absent one, so add only what is set.
    const options: TlsOptions = { host: ep.host, port: ep.port, rejectUnauthorized: !ep.insecure };
    if (ep.ca) options.ca = ep.ca;
    const servername = ep.servername ?? (/^[\d.:]+$/.test(ep.host) ? undefined : ep.host);
    if (servername) options.servername = servername;
    if (ep.clientCert) Object.assign(options, { cert: ep.clientCert.cert, key: ep.clientCert.key });
    const socket = connect(options);
    socket.setNoDelay(true);
    const connection = new EppConnection(socket, ep.maxFrameBytes ?? 4_194_304);
    const greeting = await connection.next(ep.connectTimeoutMs, "greeting");
    return { connection, greeting };
  }

  private deliver(xml: string): void {
    const w = this.waiting;
    this.waiting = undefined;
    if (w) w.resolve(xml);
    else this.inbox.push(xml);
  }

  private fail(e: Error): void {
    if (!this.alive && !this.waiting) return;
    this.alive = false;
    const w = this.waiting;
    this.waiting = undefined;
    w?.reject(e);
    this.socket.destroy();
  }

  private next(timeoutMs: number, what: string): Promise<string> {
    const queued = this.inbox.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (!this.alive)
      return Promise.reject(new RegistryTransportError("connection", "The registry connection is closed.", false));
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          this.fail(
            new RegistryTransportError("timeout", `No ${what} from the registry within ${timeoutMs} ms.`, true),
          ),
        timeoutMs,
      );
      this.waiting = {
        resolve: (xml) => (clearTimeout(timer), resolve(xml)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
    });
  }

  /** Sends one frame and waits for the one response frame. */
  async exchange(xml: string, timeoutMs: number): Promise<string> {
    if (!this.alive) throw new RegistryTransportError("connection", "The registry connection is closed.", false);
    this.lastUsed = Date.now();
    this.socket.write(frame(xml));
    return this.next(timeoutMs, "response");
  }

  close(): void {
    this.alive = false;
    this.socket.destroy();
  }
}
