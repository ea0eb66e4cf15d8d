/**
 * The stand-in's HTTP JSON API, shaped like resellers' SSL APIs:
 *   GET  /v1/products                         POST /v1/orders            GET /v1/orders/:id
 *   POST /v1/orders/:id/challenges/confirm    POST /v1/orders/:id/reissue
 *   POST /v1/certificates/revoke              GET  /v1/certificates/:serial/status
 *   POST /v1/orders/batch {orders}            POST /v1/certificates/revoke/batch {certificates}
 *     (up to 100 items; one result per item, in order: {status: 200, order|certificate} or {status, error})
 *   GET  /v1/ca/chain     GET /crl/intermediate.crl (DER) | .pem     GET|POST /dcv/email/:token
 * and an admin side for tests and demos (the CA's staff):
 *   POST /admin/orders/:id/approve | /reject {reason} | /organisation {state, reason}
 *   GET  /admin/outbox    GET|PUT|DELETE /admin/faults[/:scope]    PUT /admin/dns-txt {name, values}
 *   GET  /admin/status
 * With an API key set, /v1 and /admin want `Authorization: Bearer KEY`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { FAULT_MODES, FAULT_SCOPES, type Faults, type FaultScope } from "./faults";
import { StandInError } from "./model";
import { orderView } from "./order-view";
import { PRODUCTS } from "./products";
import type { CaStandIn } from "./stand-in";

const MAX_BODY = 256 * 1024;
const REASONS = ["unspecified", "keyCompromise", "affiliationChanged", "superseded", "cessationOfOperation"] as const;
const METHODS = ["dns-txt", "http-file", "email"] as const;

const organisation = z.object({
  name: z.string().min(1).max(200),
  country: z.string().regex(/^[A-Za-z]{2}$/),
  locality: z.string().max(128).optional(),
  region: z.string().max(128).optional(),
  registrationNumber: z.string().max(64).optional(),
});
const placeOrderBody = z.object({
  externalId: z.string().min(1).max(200),
  product: z.string().max(40).optional(),
  csrPem: z
    .string()
    .min(1)
    .max(64 * 1024),
  names: z.array(z.string().min(1).max(253)).min(1).max(250),
  level: z.enum(["dv", "ov", "ev"]),
  dcvMethod: z.enum(METHODS),
  dcvEmail: z.record(z.string(), z.string().max(320)).optional(),
  organisation: organisation.optional(),
  validityDays: z.number().int().min(1).max(3650),
});
const confirmBody = z.object({ name: z.string().min(1).max(253) });
const reissueBody = z.object({
  csrPem: z
    .string()
    .min(1)
    .max(64 * 1024),
  names: z.array(z.string().min(1).max(253)).min(1).max(250).optional(),
  dcvMethod: z.enum(METHODS).optional(),
});
const revokeBody = z
  .object({
    serialNumber: z
      .string()
      .regex(/^[0-9a-fA-F]{1,64}$/)
      .optional(),
    certificatePem: z
      .string()
      .max(64 * 1024)
      .optional(),
    reason: z.enum(REASONS).default("unspecified"),
  })
  .refine((b) => b.serialNumber || b.certificatePem, "Give serialNumber or certificatePem.");
/** A batch is checked as an envelope; each item is checked on its own, so a bad item fails alone. */
const BATCH_MAX = 100;
const batchOf = <K extends string>(key: K) =>
  z.object({ [key]: z.array(z.unknown()).min(1).max(BATCH_MAX) } as Record<K, z.ZodArray<z.ZodUnknown>>);
const orderBatchBody = batchOf("orders");
const revokeBatchBody = batchOf("certificates");
const faultBody = z.object({
  mode: z.enum(FAULT_MODES as [string, ...string[]]),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  times: z.number().int().min(1).optional(),
  message: z.string().max(500).optional(),
});
const orgBody = z.object({
  state: z.enum(["pending", "verified", "rejected"]),
  reason: z.string().max(500).optional(),
});
const rejectBody = z.object({ reason: z.string().min(1).max(500) });
const dnsBody = z.object({ name: z.string().min(1).max(253), values: z.array(z.string().max(255)).max(20) });

type Reply = { status: number; json?: unknown; raw?: { type: string; body: string | Buffer } };
type Op = Exclude<FaultScope, "all">;

export type HttpApiOptions = {
  standIn: CaStandIn;
  faults: Faults;
  apiKey?: string;
  /** Present when TXT answers come from a table set over this API rather than real DNS. */
  dnsTable?: Map<string, string[]>;
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new StandInError(400, "too_large", "The request body is too large.");
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new StandInError(400, "bad_json", "The request body is not JSON.");
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new StandInError(400, "bad_request", r.error.issues.map((i) => i.message).join("; "));
  return r.data;
}

function authorised(req: IncomingMessage, apiKey: string | undefined): boolean {
  if (!apiKey) return true;
  const given = Buffer.from(req.headers.authorization ?? "");
  const wanted = Buffer.from(`Bearer ${apiKey}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Which fault scope a request falls under, if any. */
function opOf(method: string, parts: string[]): Op | undefined {
  if (parts[0] !== "v1") return undefined;
  if (parts[1] === "orders" && method === "POST" && (parts.length === 2 || parts[2] === "batch")) return "placeOrder";
  if (parts[1] === "orders" && method === "GET" && parts.length === 3) return "getOrder";
  if (parts[1] === "orders" && parts[3] === "challenges") return "confirmChallenge";
  if (parts[1] === "orders" && parts[3] === "reissue") return "reissue";
  if (parts[1] === "certificates" && parts[2] === "revoke") return "revoke";
  return undefined;
}

async function route(o: HttpApiOptions, req: IncomingMessage): Promise<Reply> {
  const { standIn } = o;
  const url = new URL(req.url ?? "/", "http://localhost");
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const method = req.method ?? "GET";
  const view = (order: Parameters<typeof orderView>[0]) => orderView(order, standIn.state, standIn.chain);

  if (method === "GET" && url.pathname === "/crl/intermediate.crl") {
    const crl = await standIn.crl();
    return { status: 200, raw: { type: "application/pkix-crl", body: Buffer.from(crl.rawData) } };
  }
  if (method === "GET" && url.pathname === "/crl/intermediate.pem") {
    return { status: 200, raw: { type: "application/x-pem-file", body: (await standIn.crl()).toString("pem") + "\n" } };
  }
  if (parts[0] === "dcv" && parts[1] === "email" && parts[2] && parts.length === 3) {
    if (method === "POST") {
      const order = await standIn.approveEmail(parts[2]);
      return { status: 200, json: { approved: true, caOrderId: order.id } };
    }
    const mail = standIn.state.outbox.find((m) => m.approvalToken === parts[2]);
    if (!mail) throw new StandInError(404, "not_found", "This approval link is not known.");
    return { status: 200, json: { to: mail.to, subject: mail.subject, approveWith: "POST this URL" } };
  }

  if (!authorised(req, o.apiKey)) throw new StandInError(401, "unauthorised", "Missing or wrong API key.");

  if (parts[0] === "v1") {
    if (method === "GET" && url.pathname === "/v1/products") return { status: 200, json: PRODUCTS };
    if (method === "GET" && url.pathname === "/v1/ca/chain") {
      return {
        status: 200,
        json: {
          rootPem: standIn.chain.root.toString("pem"),
          intermediatePem: standIn.chain.intermediate.toString("pem"),
        },
      };
    }
    if (parts[1] === "orders") {
      if (method === "POST" && parts[2] === "batch" && parts.length === 3) {
        const { orders } = parse(orderBatchBody, await readBody(req));
        // Items that do not parse get their error here; the rest are placed together.
        const inputs = orders.map((x) => placeOrderBody.safeParse(x));
        const placed = await standIn.placeOrders(inputs.flatMap((r) => (r.success ? [r.data] : [])));
        let k = 0;
        const results = inputs.map((r) => {
          if (!r.success)
            return itemError(new StandInError(400, "bad_request", r.error.issues.map((i) => i.message).join("; ")));
          const p = placed[k++];
          return "order" in p ? { status: 200, order: view(p.order) } : itemError(p.error);
        });
        return { status: 200, json: { results } };
      }
      if (method === "POST" && parts.length === 2) {
        return { status: 200, json: view(await standIn.placeOrder(parse(placeOrderBody, await readBody(req)))) };
      }
      const id = parts[2];
      if (method === "GET" && parts.length === 3) return { status: 200, json: view(standIn.order(id)) };
      if (method === "POST" && parts[3] === "challenges" && parts[4] === "confirm") {
        const { name } = parse(confirmBody, await readBody(req));
        return { status: 200, json: view(await standIn.confirmChallenge(id, name)) };
      }
      if (method === "POST" && parts[3] === "reissue") {
        return { status: 200, json: view(await standIn.reissue(id, parse(reissueBody, await readBody(req)))) };
      }
    }
    if (parts[1] === "certificates") {
      if (method === "POST" && parts[2] === "revoke" && parts[3] === "batch" && parts.length === 4) {
        const { certificates } = parse(revokeBatchBody, await readBody(req));
        const items = certificates.map((x) => revokeBody.safeParse(x));
        const done = standIn.revokeMany(
          items.flatMap((r) => (r.success ? [{ ref: r.data, reason: r.data.reason }] : [])),
        );
        let k = 0;
        const results = items.map((r) => {
          if (!r.success)
            return itemError(new StandInError(400, "bad_request", r.error.issues.map((i) => i.message).join("; ")));
          const d = done[k++];
          return "record" in d
            ? { status: 200, certificate: standIn.status(d.record.serialNumber) }
            : itemError(d.error);
        });
        return { status: 200, json: { results } };
      }
      if (method === "POST" && parts[2] === "revoke") {
        const b = parse(revokeBody, await readBody(req));
        const c = await standIn.revoke(b, b.reason);
        return { status: 200, json: standIn.status(c.serialNumber) };
      }
      if (method === "GET" && parts[3] === "status") return { status: 200, json: standIn.status(parts[2]) };
    }
  }

  if (parts[0] === "admin") {
    if (method === "GET" && parts[1] === "status") {
      return {
        status: 200,
        json: {
          orders: Object.keys(standIn.state.orders).length,
          certificates: Object.keys(standIn.state.certificates).length,
          faults: o.faults.list(),
        },
      };
    }
    if (method === "GET" && parts[1] === "outbox") return { status: 200, json: standIn.state.outbox };
    if (parts[1] === "orders" && parts[2] && method === "POST") {
      if (parts[3] === "approve") return { status: 200, json: view(await standIn.approve(parts[2])) };
      if (parts[3] === "reject") {
        return {
          status: 200,
          json: view(await standIn.reject(parts[2], parse(rejectBody, await readBody(req)).reason)),
        };
      }
      if (parts[3] === "organisation") {
        const b = parse(orgBody, await readBody(req));
        return { status: 200, json: view(await standIn.setOrganisationState(parts[2], b.state, b.reason)) };
      }
    }
    if (parts[1] === "faults") {
      const scope = parts[2] as FaultScope | undefined;
      if (scope && !FAULT_SCOPES.includes(scope)) throw new StandInError(404, "not_found", `No fault scope ${scope}.`);
      if (method === "PUT" && scope) {
        const b = parse(faultBody, await readBody(req));
        o.faults.set(scope, { ...b, mode: b.mode as (typeof FAULT_MODES)[number] });
      } else if (method === "DELETE") o.faults.clear(scope);
      return { status: 200, json: o.faults.list() };
    }
    if (method === "PUT" && parts[1] === "dns-txt") {
      if (!o.dnsTable)
        throw new StandInError(409, "not_table_dns", "This stand-in asks real DNS; set the record there.");
      const b = parse(dnsBody, await readBody(req));
      if (b.values.length) o.dnsTable.set(b.name.toLowerCase(), b.values);
      else o.dnsTable.delete(b.name.toLowerCase());
      return { status: 200, json: { name: b.name.toLowerCase(), values: b.values } };
    }
  }
  throw new StandInError(404, "not_found", "No such endpoint.");
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  if (reply.raw) res.writeHead(reply.status, { "content-type": reply.raw.type }).end(reply.raw.body);
  else res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.json));
}

/** One batch item's failure, as a single call's error answer would carry it (its status beside it). */
function itemError(e: unknown): { status: number; error: unknown } {
  const reply = errorReply(e);
  return { status: reply.status, error: (reply.json as { error: unknown }).error };
}

function errorReply(e: unknown): Reply {
  if (e instanceof StandInError) {
    return { status: e.status, json: { error: { code: e.code, message: e.message } } };
  }
  return { status: 500, json: { error: { code: "internal", message: (e as Error).message } } };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function handle(o: HttpApiOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const parts = new URL(req.url ?? "/", "http://localhost").pathname.split("/").filter(Boolean);
  const op = opOf(req.method ?? "GET", parts);
  const fault = op ? o.faults.take(op) : undefined;
  if (fault?.mode === "refuse") {
    return send(res, {
      status: 422,
      json: { error: { code: "refused", message: fault.message ?? "Refused by fault injection." } },
    });
  }
  if (fault?.mode === "unavailable") {
    return send(res, {
      status: 503,
      json: { error: { code: "unavailable", message: fault.message ?? "Down for maintenance." } },
    });
  }
  if (fault?.mode === "rate_limited") {
    return send(res, { status: 429, json: { error: { code: "rate_limited", message: "Too many requests." } } });
  }
  if (fault?.mode === "delay") await sleep(fault.delayMs ?? 1_000);
  const reply = await route(o, req).catch(errorReply);
  if (fault?.mode === "drop_after_effect") {
    req.socket.destroy();
    return;
  }
  if (fault?.mode === "hang_after_effect") await sleep(fault.delayMs ?? 30_000);
  send(res, reply);
}

export async function listenHttpApi(
  o: HttpApiOptions,
  port: number,
  host = "127.0.0.1",
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    handle(o, req, res).catch((e: unknown) => send(res, errorReply(e)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return { server, port: typeof address === "object" && address ? address.port : port };
}
