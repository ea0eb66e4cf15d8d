/**
 * One client connection: greeting on connect, frames decoded and run one at a time, replies framed
 * back. Bad input gets an EPP error where the stream is still in sync, and a clean close where it is
 * not (bad length header, a frame that never completes, an idle client).
 */
import type { TLSSocket } from "node:tls";
import type { MockRegistry } from "../registry";
import type { Outcome } from "../model/responses";
import type { RegistrySession } from "../session";
import { RESULT_TEXT } from "../model/result-codes";
import { DecodeError } from "./decode-helpers";
import { decodeFrame, peekClTRID } from "./decode-frame";
import { encodeGreeting, encodeResponse } from "./encode-response";
import { FrameReader, FramingError, encodeFrame, type ReceivedFrame } from "./framing";

export type FrameDirection = "client" | "server";

export interface ConnectionOptions {
  maxFrameBytes: number;
  idleTimeoutMs: number;
  frameTimeoutMs: number;
  onFrame?: (direction: FrameDirection, xml: string) => void;
}

let serverTrid = 0;
/** RFC 5734 clients wait for each response; a client that floods commands is cut off before memory is. */
const MAX_QUEUED_FRAMES = 16;

export function handleConnection(socket: TLSSocket, reg: MockRegistry, opts: ConnectionOptions): void {
  // One small frame per command: Nagle's algorithm would hold each reply for a delayed ACK.
  socket.setNoDelay(true);
  const session: RegistrySession = reg.openSession();
  const reader = new FrameReader(opts.maxFrameBytes);
  const queue: ReceivedFrame[] = [];
  let busy = false;
  let ended = false;
  let idleTimer: NodeJS.Timeout | undefined;
  let frameTimer: NodeJS.Timeout | undefined;

  const finish = () => {
    if (ended) return;
    ended = true;
    stopIdle();
    stopFrameDeadline();
    session.close();
  };
  const send = (xml: string) => {
    if (ended || socket.destroyed) return;
    opts.onFrame?.("server", xml);
    socket.write(encodeFrame(xml));
  };
  const closeWith = (code: 2500, message: string) => {
    send(encodeResponse({ code, message, svTRID: `MRX-${++serverTrid}` }));
    socket.end();
    finish();
  };
  // One idle timer (runs while no frame is arriving or running) and one deadline per frame (set at the
  // frame's first byte, never pushed back by later chunks), so a trickling client cannot hold a session.
  const armIdle = () => {
    if (ended || idleTimer) return;
    idleTimer = setTimeout(() => {
      socket.end();
      finish();
    }, opts.idleTimeoutMs);
  };
  const stopIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = undefined;
  };
  const startFrameDeadline = () => {
    frameTimer ??= setTimeout(() => (socket.destroy(), finish()), opts.frameTimeoutMs);
  };
  const stopFrameDeadline = () => {
    clearTimeout(frameTimer);
    frameTimer = undefined;
  };

  const deliver = (outcome: Outcome) => {
    if (outcome.delivery === "drop") {
      socket.destroy();
      finish();
      return;
    }
    if (outcome.delivery === "respond") send(encodeResponse(outcome.response));
    if (outcome.closeSession) {
      socket.end();
      finish();
    }
  };

  const runFrame = async ({ xml, validUtf8 }: ReceivedFrame): Promise<void> => {
    opts.onFrame?.("client", xml);
    try {
      // RFC 5730 §2.1: frames are UTF-8; a frame that is not is a syntax error, not text to guess at.
      if (!validUtf8) throw new DecodeError(2001, "Frame is not valid UTF-8.");
      const frame = decodeFrame(xml);
      if (frame.kind === "hello") return send(encodeGreeting(reg.now()));
      if (frame.kind === "login") return deliver(session.login(frame.req, { clTRID: frame.clTRID }));
      if (frame.kind === "logout") return deliver(session.logout({ clTRID: frame.clTRID }));
      deliver(await session.execute(frame.cmd, { clTRID: frame.clTRID, extensions: frame.extensions }));
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      send(
        encodeResponse({
          code: e.code,
          message: e.message || RESULT_TEXT[e.code],
          value: e.value,
          clTRID: peekClTRID(xml),
          svTRID: `MRX-${++serverTrid}`,
        }),
      );
    }
  };

  const pump = async () => {
    if (busy) return;
    busy = true;
    while (queue.length > 0 && !ended) {
      const frame = queue.shift() as ReceivedFrame;
      await runFrame(frame).catch(() => closeWith(2500, "Command failed; internal error."));
    }
    busy = false;
    if (!reader.partial) armIdle();
  };

  socket.on("data", (chunk: Buffer) => {
    stopIdle();
    let frames: ReceivedFrame[];
    try {
      frames = reader.push(chunk);
    } catch (e) {
      if (e instanceof FramingError) return closeWith(2500, e.message);
      throw e;
    }
    if (frames.length > 0) stopFrameDeadline();
    if (reader.partial) startFrameDeadline();
    queue.push(...frames);
    if (queue.length > MAX_QUEUED_FRAMES) {
      queue.length = 0;
      return closeWith(2500, "Too many commands sent without waiting for responses.");
    }
    void pump();
  });
  socket.on("error", finish);
  socket.on("close", finish);
  socket.on("end", () => socket.end());

  send(encodeGreeting(reg.now()));
  armIdle();
}
