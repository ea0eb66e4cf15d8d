/** RFC 5734 data units: a 4-byte big-endian length that counts itself, then UTF-8 XML. */
export function frame(xml: string): Buffer {
  const body = Buffer.from(xml, "utf8");
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length + 4);
  return Buffer.concat([header, body]);
}

export class FrameBuffer {
  private buf: Buffer = Buffer.alloc(0);

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): string[] {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const out: string[] = [];
    while (this.buf.length >= 4) {
      const total = this.buf.readUInt32BE(0);
      if (total <= 4 || total > this.maxBytes) throw new Error(`Registry sent a frame length of ${total} bytes`);
      if (this.buf.length < total) break;
      out.push(this.buf.subarray(4, total).toString("utf8"));
      this.buf = this.buf.subarray(total);
    }
    return out;
  }
}
