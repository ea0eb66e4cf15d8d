/** RFC 5734 data units: a 4-byte big-endian length that counts itself, then UTF-8 XML. */
export function frame(xml: string): Buffer {
  // One buffer, so header and body leave in one write (one TLS record, one segment).
  const length = Buffer.byteLength(xml, "utf8") + 4;
  const out = Buffer.allocUnsafe(length);
  out.writeUInt32BE(length, 0);
  out.write(xml, 4, "utf8");
  return out;
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
