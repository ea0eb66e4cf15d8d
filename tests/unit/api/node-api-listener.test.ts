/** The node:http side of the API reads a body the way the Web side does, and no further than allowed. */
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readNodeBody } from "@/server/api/node-api-listener";

function incoming(chunks: (string | Buffer)[], headers: Record<string, string> = {}): IncomingMessage {
  const stream = Readable.from(chunks.map((c) => (typeof c === "string" ? Buffer.from(c) : c)));
  return Object.assign(stream, { headers }) as unknown as IncomingMessage;
}

describe("readNodeBody", () => {
  it("gives the body as text, a character split across chunks intact, as Request.text() would", async () => {
    const bytes = Buffer.from('{"name":"münchen.de"}');
    const cut = bytes.indexOf(0xc3) + 1;
    const body = await readNodeBody(incoming([bytes.subarray(0, cut), bytes.subarray(cut)]), 1024);
    expect(body).toBe('{"name":"münchen.de"}');
    expect(body).toBe(await new Request("http://x/", { method: "POST", body: bytes }).text());
  });

  it("refuses a body past the limit with 413, whether declared or sent", async () => {
    await expect(readNodeBody(incoming(["{}"], { "content-length": "2048" }), 1024)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    await expect(readNodeBody(incoming(["x".repeat(600), "y".repeat(600)]), 1024)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
  });
});
