/**
 * Reads a route handler's request body with a ceiling. `request.text()` and `request.json()` buffer
 * whatever a client sends, so a public POST could make the server hold gigabytes; this stops reading
 * at `maxBytes` and answers 413 (PAYLOAD_TOO_LARGE) instead.
 */
import { AppError } from "@/server/errors";

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `That request is too large (the limit is ${maxBytes} bytes).`);
}

/** The body's exact bytes, or AppError PAYLOAD_TOO_LARGE past `maxBytes`. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  // A declared length is only a hint (it can lie), but an honest large one is refused unread.
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The body as UTF-8 text, decoded exactly as `request.text()` would. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, maxBytes));
}

/** The body parsed as JSON, or undefined when it is not JSON; over `maxBytes` it throws as above. */
export async function readBodyJson(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
