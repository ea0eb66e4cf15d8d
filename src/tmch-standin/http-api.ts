/**
 * The TMCH stand-in's HTTP API, for an agent (a registrar) and, under /admin, for the TMCH's staff
 * in tests and demos:
 *   POST /v1/marks   GET /v1/marks/:id   GET /v1/marks?externalId=   POST /v1/marks/:id/correct
 *   POST /v1/marks/:id/renew   POST /v1/marks/:id/proof-of-use   GET /v1/marks/:id/smd (the .smd file)
 *   GET /dnl/dnl-latest.csv|.sig   GET /smdrl/smdrl-latest.csv|.sig   GET /keys/lists-public-key.asc
 *   GET /ca/tmch-ca.pem   GET /ca/tmch-ca.crl (PEM)   GET /cnis/<lookup-key>.xml
 *   POST /admin/tick   POST /admin/marks/:id/decide {outcome, reasons}   POST /admin/marks/:id/deactivate
 *   GET|PUT|DELETE /admin/faults[/:scope]   GET /admin/status
 * With an API key set, /v1, /cnis and /admin want `Authorization: Bearer KEY`; the lists, keys and CA
 * are public, as ICANN publishes them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { FAULT_MODES, FAULT_SCOPES, type Faults, type FaultScope } from "./faults";
import { correctSchema, decideSchema, markView, proofSchema, renewSchema, submitSchema } from "./mark-schemas";
import { TmchStandInError, type MarkRecord } from "./model";
import type { TmchStandIn } from "./stand-in";

const MAX_BODY = 8 * 1024 * 1024;

const faultBody = z.object({
  mode: z.enum(FAULT_MODES as [string, ...string[]]),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  times: z.number().int().min(1).optional(),
  message: z.string().max(500).optional(),
});

type Reply = { status: number; json?: unknown; raw?: { type: string; body: string } };
type Op = Exclude<FaultScope, "all">;

export type HttpApiOptions = { standIn: TmchStandIn; faults: Faults; apiKey?: string };

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new TmchStandInError(400, "too_large", "The request body is too large.");
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new TmchStandInError(400, "bad_json", "The request body is not JSON.");
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new TmchStandInError(
      400,
      "bad_request",
      r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  return r.data;
}

function authorised(req: IncomingMessage, apiKey: string | undefined): boolean {
  if (!apiKey) return true;
  const given = Buffer.from(req.headers.authorization ?? "");
  const wanted = Buffer.from(`Bearer ${apiKey}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function opOf(method: string, parts: string[]): Op | undefined {
  if (parts[0] === "dnl" || parts[0] === "smdrl") return "lists";
  if (parts[0] === "cnis") return "cnis";
  if (parts[0] !== "v1" || parts[1] !== "marks") return undefined;
  if (method === "POST" && parts.length === 2) return "submit";
  if (method === "GET") return "getMark";
  if (parts[3] === "correct") return "correct";
  if (parts[3] === "renew") return "renew";
  if (parts[3] === "proof-of-use") return "proofOfUse";
  return undefined;
}

const text = (type: string, body: string): Reply => ({ status: 200, raw: { type, body } });
const proof = (p: z.infer<typeof proofSchema>) => ({
  filename: p.filename,
  mediaType: p.mediaType,
  content: Buffer.from(p.contentBase64, "base64"),
});

async function route(o: HttpApiOptions, req: IncomingMessage): Promise<Reply> {
  const { standIn } = o;
  const url = new URL(req.url ?? "/", "http://localhost");
  const path = url.pathname;
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const method = req.method ?? "GET";
  const view = (m: MarkRecord) => ({ status: 200, json: markView(m, standIn.currentSmd(m)?.smdId ?? null) });

  if (method === "GET") {
    if (path === "/dnl/dnl-latest.csv") return text("text/csv", (await standIn.dnlList()).csv);
    if (path === "/dnl/dnl-latest.sig") return text("application/pgp-signature", (await standIn.dnlList()).signature);
    if (path === "/smdrl/smdrl-latest.csv") return text("text/csv", (await standIn.smdrlList()).csv);
    if (path === "/smdrl/smdrl-latest.sig")
      return text("application/pgp-signature", (await standIn.smdrlList()).signature);
    if (path === "/keys/lists-public-key.asc") return text("application/pgp-keys", standIn.keys.pgpPublicKey);
    if (path === "/ca/tmch-ca.pem") return text("application/x-pem-file", standIn.keys.ca.caPem);
    if (path === "/ca/tmch-ca.crl") return text("application/x-pem-file", await standIn.crlPem());
  }

  if (!authorised(req, o.apiKey)) throw new TmchStandInError(401, "unauthorised", "Missing or wrong API key.");

  if (method === "GET" && parts[0] === "cnis" && path.endsWith(".xml")) {
    const key = decodeURIComponent(path.slice("/cnis/".length, -".xml".length));
    return text("application/xml", standIn.claimsNotice(key));
  }

  if (parts[0] === "v1" && parts[1] === "marks") {
    const id = parts[2];
    if (method === "POST" && parts.length === 2) {
      const b = parse(submitSchema, await readBody(req));
      return view(await standIn.submit({ ...b, proofOfUse: b.proofOfUse && proof(b.proofOfUse) }));
    }
    if (method === "GET" && parts.length === 2) {
      const externalId = url.searchParams.get("externalId");
      if (!externalId) throw new TmchStandInError(400, "bad_request", "Give externalId.");
      const m = standIn.markByExternalId(externalId);
      if (!m) throw new TmchStandInError(404, "not_found", "No mark with this externalId.");
      return view(m);
    }
    if (method === "GET" && parts.length === 3) return view(standIn.mark(id));
    if (method === "GET" && parts[3] === "smd") {
      const smd = standIn.currentSmd(standIn.mark(id));
      if (!smd) throw new TmchStandInError(404, "no_smd", "This mark has no valid SMD (verified, with proof of use).");
      return text("application/octet-stream", smd.file);
    }
    if (method === "POST" && parts[3] === "correct")
      return view(await standIn.correct(id, parse(correctSchema, await readBody(req)).submission));
    if (method === "POST" && parts[3] === "renew") {
      const b = parse(renewSchema, await readBody(req));
      return view(await standIn.renew(id, b.externalId, b.years));
    }
    if (method === "POST" && parts[3] === "proof-of-use")
      return view(await standIn.uploadProofOfUse(id, proof(parse(proofSchema, await readBody(req)))));
  }

  if (parts[0] === "admin") {
    if (method === "GET" && parts[1] === "status") {
      return {
        status: 200,
        json: {
          marks: Object.keys(standIn.state.marks).length,
          dnl: Object.keys(standIn.state.dnl).length,
          smdrl: standIn.state.smdrl.length,
          faults: o.faults.list(),
        },
      };
    }
    if (method === "POST" && parts[1] === "tick") {
      standIn.tick();
      return { status: 200, json: { ok: true } };
    }
    if (method === "POST" && parts[1] === "marks" && parts[2]) {
      if (parts[3] === "decide") {
        const b = parse(decideSchema, await readBody(req));
        return view(standIn.decide(parts[2], b.outcome, b.reasons));
      }
      if (parts[3] === "deactivate") return view(standIn.deactivate(parts[2]));
    }
    if (parts[1] === "faults") {
      const scope = parts[2] as FaultScope | undefined;
      if (scope && !FAULT_SCOPES.includes(scope))
        throw new TmchStandInError(404, "not_found", `No fault scope ${scope}.`);
      if (method === "PUT" && scope) {
        const b = parse(faultBody, await readBody(req));
        o.faults.set(scope, { ...b, mode: b.mode as (typeof FAULT_MODES)[number] });
      } else if (method === "DELETE") o.faults.clear(scope);
      return { status: 200, json: o.faults.list() };
    }
  }
  throw new TmchStandInError(404, "not_found", "No such endpoint.");
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  if (reply.raw) res.writeHead(reply.status, { "content-type": reply.raw.type }).end(reply.raw.body);
  else res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.json));
}

function errorReply(e: unknown): Reply {
  if (e instanceof TmchStandInError) return { status: e.status, json: { error: { code: e.code, message: e.message } } };
  return { status: 500, json: { error: { code: "internal", message: (e as Error).message } } };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function handle(o: HttpApiOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const parts = new URL(req.url ?? "/", "http://localhost").pathname.split("/").filter(Boolean);
  const op = opOf(req.method ?? "GET", parts);
  const fault = op ? o.faults.take(op) : undefined;
  if (fault?.mode === "refuse")
    return send(res, {
      status: 422,
      json: { error: { code: "refused", message: fault.message ?? "Refused by fault injection." } },
    });
  if (fault?.mode === "unavailable")
    return send(res, {
      status: 503,
      json: { error: { code: "unavailable", message: fault.message ?? "Down for maintenance." } },
    });
  if (fault?.mode === "rate_limited")
    return send(res, { status: 429, json: { error: { code: "rate_limited", message: "Too many requests." } } });
  if (fault?.mode === "delay") await sleep(fault.delayMs ?? 1_000);
  const reply = await route(o, req).catch(errorReply);
  if (fault?.mode === "drop_after_effect") {
    req.socket.destroy();
    return;
  }
  if (fault?.mode === "hang_after_effect") await sleep(fault.delayMs ?? 30_000);
  send(res, reply);
}

export async function listenHttpApi(o: HttpApiOptions, port: number, host = "127.0.0.1") {
  const server: Server = createServer((req, res) => {
    handle(o, req, res).catch((e: unknown) => send(res, errorReply(e)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return { server, port: typeof address === "object" && address ? address.port : port };
}
