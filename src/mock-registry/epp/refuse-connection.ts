/**
 * A connection beyond the server's cap. RFC 5730 answers "Session limit exceeded" (2502) to a login,
 * so the client gets the greeting it expects, then 2502 to whatever it sends first, then a close. The
 * frame is never parsed (its clTRID is peeked) and the connection gets one frame deadline, no idle
 * time: a refused client holds nothing for long.
 */
import type { TLSSocket } from "node:tls";
import { RESULT_TEXT } from "../model/result-codes";
import type { MockRegistry } from "../registry";
import type { ConnectionOptions } from "./connection";
import { peekClTRID } from "./decode-frame";
import { encodeGreeting, encodeResponse } from "./encode-response";
import { FrameReader, encodeFrame, type ReceivedFrame } from "./framing";

let refusals = 0;

export function refuseConnection(socket: TLSSocket, reg: MockRegistry, opts: ConnectionOptions): void {
  const reader = new FrameReader(opts.maxFrameBytes);
  const deadline = setTimeout(() => socket.destroy(), opts.frameTimeoutMs);
  let done = false;
  const send = (xml: string) => {
    opts.onFrame?.("server", xml);
    socket.write(encodeFrame(xml));
  };
  const close = () => {
    done = true;
    clearTimeout(deadline);
    socket.end();
  };
  socket.on("data", (chunk: Buffer) => {
    if (done) return;
    let first: ReceivedFrame | undefined;
    try {
      [first] = reader.push(chunk);
    } catch {
      return close();
    }
    if (first === undefined) return;
    opts.onFrame?.("client", first.xml);
    send(
      encodeResponse({
        code: 2502,
        message: RESULT_TEXT[2502],
        clTRID: peekClTRID(first.xml),
        svTRID: `MRL-${++refusals}`,
      }),
    );
    close();
  });
  socket.on("error", () => clearTimeout(deadline));
  socket.on("close", () => clearTimeout(deadline));
  send(encodeGreeting(reg.now()));
}
