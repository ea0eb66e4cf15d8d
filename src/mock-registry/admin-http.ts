/**
 * A loopback-only HTTP console for demos and manual testing:
 *   GET  /status                      clock, faults, sessions, object counts
 *   GET  /domains[?sponsor=clID]      domains with sponsor, dates and pending transfer
 *   GET  /accounts/:clID              the registrar's prepaid balance
 *   POST /clock/advance {days,hours,ms}
 *   PUT  /faults/:scope  {FaultSpec}  DELETE /faults[/:scope]
 *   PUT  /accounts/:clID/balance {balance}
 *   POST /tmch/refresh {baseUrl}      trust a TMCH (the stand-in): its CA, CRL, SMDRL and DNL, once
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { RegistryAdmin } from "./admin";
import type { FaultSpec } from "./faults";
import { refreshTmchLists } from "./policy/tmch-lists-refresh";

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = "";
  for await (const chunk of req) {
    raw += String(chunk);
    if (raw.length > 65_536) throw new Error("Body too large");
  }
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

async function route(admin: RegistryAdmin, req: IncomingMessage): Promise<[number, unknown]> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const parts = url.pathname.split("/").filter(Boolean);
  if (req.method === "GET" && url.pathname === "/status") {
    return [
      200,
      { now: admin.now().toISOString(), faults: admin.faults(), sessions: admin.sessions(), counts: admin.counts() },
    ];
  }
  if (req.method === "GET" && url.pathname === "/domains") {
    return [200, admin.domains(url.searchParams.get("sponsor") ?? undefined)];
  }
  if (req.method === "GET" && parts[0] === "accounts" && parts[1] && parts.length === 2) {
    return [200, { balance: admin.balance(parts[1]) }];
  }
  if (req.method === "POST" && url.pathname === "/clock/advance") {
    const b = await body(req);
    return [
      200,
      {
        now: admin
          .advanceClock({ days: Number(b.days ?? 0), hours: Number(b.hours ?? 0), ms: Number(b.ms ?? 0) })
          .toISOString(),
      },
    ];
  }
  if (parts[0] === "faults" && req.method === "PUT" && parts[1]) {
    admin.setFaults(parts[1], (await body(req)) as FaultSpec);
    return [200, admin.faults()];
  }
  if (parts[0] === "faults" && req.method === "DELETE") {
    admin.clearFaults(parts[1]);
    return [200, admin.faults()];
  }
  if (parts[0] === "accounts" && parts[2] === "balance" && req.method === "PUT") {
    admin.setBalance(parts[1], Number((await body(req)).balance));
    return [200, { balance: admin.balance(parts[1]) }];
  }
  if (req.method === "POST" && url.pathname === "/tmch/refresh") {
    return [200, await refreshTmchLists({ baseUrl: String((await body(req)).baseUrl) })];
  }
  return [404, { error: "not found" }];
}

export async function listenAdmin(admin: RegistryAdmin, port: number): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res: ServerResponse) => {
    route(admin, req)
      .then(([status, payload]) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload)),
      )
      .catch((e: Error) =>
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: e.message })),
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  return { server, port: typeof address === "object" && address ? address.port : port };
}
