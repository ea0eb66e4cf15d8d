/**
 * The RDAP route handler behind a real node:http server, as Next serves it: the request's headers
 * pass through and the socket's address is appended to X-Forwarded-For.
 */
import http from "node:http";
import { GET, HEAD, OPTIONS } from "@/app/rdap/[[...path]]/route";

export type RdapServer = { url: string; close(): Promise<void> };

export async function startRdapServer(port: number): Promise<RdapServer> {
  const server = http.createServer((req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const peer = req.socket.remoteAddress ?? "unknown";
    const forwarded = headers.get("x-forwarded-for");
    headers.set("x-forwarded-for", forwarded ? `${forwarded}, ${peer}` : peer);
    const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers });
    const handler = req.method === "HEAD" ? HEAD : req.method === "OPTIONS" ? OPTIONS : GET;
    void handler(request)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((e: unknown) => {
        res.writeHead(599);
        res.end(String(e));
      });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
