import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { POST as bulkSearch } from "@/app/api/storefront/bulk-search/route";
import { readBodyText } from "@/server/read-body";
import { createReseller } from "../../support/factories";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined }),
}));

const MiB = 1024 * 1024;

/** A body that arrives in chunks with no Content-Length, as a hostile client would send it. */
function endless(totalBytes: number): { stream: ReadableStream<Uint8Array>; sent: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, sent: () => sent };
}

function post(url: string, body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("security finding 10: public POST routes read unbounded bodies", () => {
  beforeEach(() => {
    request.headers = new Headers();
  });

  it("answers 413 to a Stripe webhook body past the cap and stops reading it", async () => {
    const body = endless(64 * MiB);
    const res = await stripeWebhook(
      post("http://console.test/api/webhooks/stripe", body.stream, { "stripe-signature": "t=1,v1=x" }),
    );
    expect(res.status).toBe(413);
    expect(body.sent()).toBeLessThan(2 * MiB);
  });

  it("answers 413 to a declared Content-Length past the cap without reading at all", async () => {
    const body = endless(64 * MiB);
    const res = await stripeWebhook(
      post("http://console.test/api/webhooks/stripe", body.stream, { "content-length": String(64 * MiB) }),
    );
    expect(res.status).toBe(413);
    expect(body.sent()).toBeLessThanOrEqual(64 * 1024);
  });

  it("answers 413 to a bulk search body past the cap", async () => {
    const acme = await createReseller();
    request.headers = new Headers({ host: acme.host, "x-forwarded-for": "198.51.100.7" });
    const body = endless(64 * MiB);
    const res = await bulkSearch(
      post(`http://${acme.host}/api/storefront/bulk-search`, body.stream, { "content-type": "application/json" }),
    );
    expect(res.status).toBe(413);
    expect(body.sent()).toBeLessThan(2 * MiB);
  });

  it("reads a body within the cap byte for byte, as request.text() would", async () => {
    const text = '{"names":"exämple.com \uFEFF"}';
    expect(await readBodyText(post("http://x.test/", text), 1024)).toBe(await post("http://x.test/", text).text());
  });
});
