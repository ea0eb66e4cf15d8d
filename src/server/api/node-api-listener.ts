/**
 * The reseller API behind node:http (a process serving only the API, the bench's server, the
 * tests'): the request line, headers and socket go to handleApiCall as they are, the answer is
 * written in one go. No Web Request/Response in between: building and draining those (streams,
 * abort signals, header guards) cost a check more CPU than the rest of the API layer (decision 140).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/server/errors";
import { handleApiCall, type ApiOptions } from "./handle-api-call";
import { problem } from "./problem";

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `That request is too large (the limit is ${maxBytes} bytes).`);
}

/**
 * The body as UTF-8 text, decoded as `request.text()` would; a declared or actual length past
 * `maxBytes` throws PAYLOAD_TOO_LARGE and stops reading (node discards the rest after the answer).
 */
export function readNodeBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData).off("end", onEnd).off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) return void chunks.push(chunk);
      // Not destroyed: the socket must live to carry the 413.
      stop();
      req.pause();
      reject(tooLarge(maxBytes));
    };
    const onEnd = () => {
      stop();
      resolve(new TextDecoder().decode(Buffer.concat(chunks, size)));
    };
    const onError = (e: Error) => {
      stop();
      reject(e);
    };
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

/** A node:http request listener answering every request with the API; `clientIp` names the caller's address. */
export function apiNodeListener(
  clientIp: (req: IncomingMessage) => string,
  opts: ApiOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handleApiCall(
      {
        method: req.method ?? "GET",
        target: req.url ?? "/",
        headers: req.headers,
        readBody: (maxBytes) => readNodeBody(req, maxBytes),
      },
      clientIp(req),
      opts,
    ).then(
      (answer) => {
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      },
      (e: unknown) => {
        // handleApiCall answers its own failures; this is a bug in it, logged and answered as one.
        console.error("The API handler threw", e);
        if (res.headersSent) return void res.destroy();
        const p = problem("INTERNAL");
        res.writeHead(p.status, { "content-type": "application/problem+json" });
        res.end(JSON.stringify(p));
      },
    );
  };
}
