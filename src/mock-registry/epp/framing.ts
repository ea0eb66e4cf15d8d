/**
 * RFC 5734 framing: every data unit is a 4-byte big-endian length that counts itself, then the XML.
 * The reader never buffers more than one frame's worth, so a lying header cannot exhaust memory.
 */
export class FramingError extends Error {
  constructor(
    message: string,
    readonly declared: number,
  ) {
    super(message);
  }
}

export function encodeFrame(xml: string): Buffer {
  // One buffer, so header and body leave in one write (one TLS record, one segment).
  const length = Buffer.byteLength(xml, "utf8") + 4;
  const out = Buffer.allocUnsafe(length);
  out.writeUInt32BE(length, 0);
  out.write(xml, 4, "utf8");
  return out;
}

/** One frame as received; `xml` of a frame that is not UTF-8 has U+FFFD where the bad bytes were. */
export interface ReceivedFrame {
  xml: string;
  validUtf8: boolean;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function decodeFrameBytes(bytes: Buffer): ReceivedFrame {
  try {
    return { xml: strictUtf8.decode(bytes), validUtf8: true };
  } catch {
    return { xml: bytes.toString("utf8"), validUtf8: false };
  }
}

export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);

  constructor(private readonly maxFrameBytes: number) {}

  /** True while part of a frame has arrived and the rest has not. */
  get partial(): boolean {
    return this.buf.length > 0;
  }

  push(chunk: Buffer): ReceivedFrame[] {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const frames: ReceivedFrame[] = [];
    while (this.buf.length >= 4) {
      const total = this.buf.readUInt32BE(0);
      if (total <= 4) throw new FramingError(`Frame length ${total} is too small to hold a message.`, total);
      if (total > this.maxFrameBytes)
        throw new FramingError(`Frame of ${total} bytes exceeds the ${this.maxFrameBytes}-byte limit.`, total);
      if (this.buf.length < total) break;
      frames.push(decodeFrameBytes(this.buf.subarray(4, total)));
      this.buf = this.buf.subarray(total);
    }
    return frames;
  }
}
