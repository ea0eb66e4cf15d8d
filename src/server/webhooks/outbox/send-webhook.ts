/**
 * One signed POST to an endpoint (Standard Webhooks: webhook-id, webhook-timestamp,
 * webhook-signature over "id.timestamp.body"). Each attempt is signed afresh, so a retry hours later
 * still passes the receiver's timestamp tolerance. Redirects are not followed (a redirect could lead
 * inside), and in production every address the host name resolves to must be public, checked at
 * connect time so a name cannot resolve one way when registered and another when called.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Webhook } from "standardwebhooks";
import { checkWebhookUrl, isPublicAddress } from "./url-policy";

export const RESPONSE_BODY_LIMIT = 2_048;
const TIMEOUT_MS = 15_000;

export type SentWebhook = {
  requestHeaders: Record<string, string>;
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
};

export type SendInput = {
  url: string;
  secret: string;
  messageId: string;
  body: string;
  production: boolean;
  now?: Date;
  timeoutMs?: number;
};

/** DNS as usual, but in production an answer that holds any non-public address fails the connection. */
export function publicOnlyLookup(production: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 0);
      if (production && addresses.some((a) => !isPublicAddress(a.address)))
        return callback(new Error(`${hostname} resolves to a private or reserved address`), "", 0);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export function signedHeaders(input: Pick<SendInput, "secret" | "messageId" | "body" | "now">): Record<string, string> {
  const at = input.now ?? new Date();
  return {
    "content-type": "application/json",
    "user-agent": "registrar-platform-webhooks/1",
    "webhook-id": input.messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1_000)),
    "webhook-signature": new Webhook(input.secret).sign(input.messageId, at, input.body),
  };
}

export async function sendWebhook(input: SendInput): Promise<SentWebhook> {
  const requestHeaders = signedHeaders(input);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const checked = checkWebhookUrl(input.url, { production: input.production });
  if (!checked.ok) return { requestHeaders, status: null, body: null, error: checked.reason, durationMs: 0 };
  const url = checked.url;
  const client = url.protocol === "https:" ? https : http;
  return new Promise<SentWebhook>((resolve) => {
    let settled = false;
    const finish = (r: Omit<SentWebhook, "requestHeaders" | "durationMs">) => {
      if (settled) return;
      settled = true;
      resolve({ requestHeaders, durationMs: elapsed(), ...r });
    };
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { ...requestHeaders, "content-length": String(Buffer.byteLength(input.body)) },
        lookup: publicOnlyLookup(input.production),
        timeout: input.timeoutMs ?? TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          finish({
            status: res.statusCode ?? null,
            body: Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString("utf8"),
            error: null,
          });
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          // Enough kept for the log: stop reading a large answer.
          if (size >= RESPONSE_BODY_LIMIT) {
            done();
            res.destroy();
          }
        });
        res.on("end", done);
        res.on("error", done);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${(input.timeoutMs ?? TIMEOUT_MS) / 1_000} s`)));
    req.on("error", (e) => finish({ status: null, body: null, error: e.message }));
    req.end(input.body);
  });
}
