/** A bare EPP-over-TLS client for wire tests: raw bytes out, frames in, and the close observed. */
import { connect, type TLSSocket } from "node:tls";

export class RawEppClient {
  private buf: Buffer = Buffer.alloc(0);
  private readonly frames: string[] = [];
  private waiter?: () => void;
  closed = false;
  readonly closedPromise: Promise<void>;

  private constructor(private readonly socket: TLSSocket) {
    socket.on("data", (chunk: Buffer) => {
      this.buf = Buffer.concat([this.buf, chunk]);
      while (this.buf.length >= 4 && this.buf.length >= this.buf.readUInt32BE(0)) {
        const total = this.buf.readUInt32BE(0);
        this.frames.push(this.buf.subarray(4, total).toString("utf8"));
        this.buf = this.buf.subarray(total);
      }
      this.waiter?.();
    });
    this.closedPromise = new Promise((resolve) =>
      socket.on("close", () => ((this.closed = true), this.waiter?.(), resolve())),
    );
    socket.on("error", () => undefined);
  }

  static async connect(port: number, ca: string): Promise<RawEppClient> {
    const socket = connect({ host: "127.0.0.1", port, ca, servername: "localhost" });
    await new Promise<void>((resolve, reject) => socket.once("secureConnect", resolve).once("error", reject));
    return new RawEppClient(socket);
  }

  /** The next frame, or null if the server closed the connection first. */
  async next(timeoutMs = 5_000): Promise<string | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0 && !this.closed) {
      if (Date.now() > deadline) throw new Error("no frame from the server");
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
        setTimeout(resolve, 50);
      });
    }
    return this.frames.shift() ?? null;
  }

  writeRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  async send(xml: string): Promise<string | null> {
    const body = Buffer.from(xml, "utf8");
    const header = Buffer.alloc(4);
    header.writeUInt32BE(body.length + 4);
    this.writeRaw(Buffer.concat([header, body]));
    return this.next();
  }

  async login(clID = "platform", pw = "platform-dev-pass"): Promise<string | null> {
    return this.send(
      `<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><login><clID>${clID}</clID><pw>${pw}</pw><options><version>1.0</version><lang>en</lang></options><svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI><objURI>urn:ietf:params:xml:ns:host-1.0</objURI><objURI>urn:ietf:params:xml:ns:contact-1.0</objURI><svcExtension><extURI>urn:ietf:params:xml:ns:secDNS-1.1</extURI><extURI>urn:ietf:params:xml:ns:rgp-1.0</extURI><extURI>urn:ietf:params:xml:ns:launch-1.0</extURI><extURI>urn:ietf:params:xml:ns:epp:fee-1.0</extURI></svcExtension></svcs></login><clTRID>login-1</clTRID></command></epp>`,
    );
  }

  close(): void {
    this.socket.destroy();
  }
}

export function resultCode(xml: string | null): number | undefined {
  const m = xml ? /<result code="(\d+)"/.exec(xml) : null;
  return m ? Number(m[1]) : undefined;
}
