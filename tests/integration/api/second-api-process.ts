/**
 * A second app process serving the API, for the cross-process revocation test: node:http in front
 * of handleApiRequest, as api-server.ts but in a process of its own with its own key cache. Prints
 * "ready PORT" once its key listener is live. Started by key-revocation-across-processes.test.ts with tsx.
 */
import "../../../src/server-only-outside-next";
import http from "node:http";

async function main(): Promise<void> {
  const { apiKeyListenerReady } = await import("../../../src/server/api-keys/key-cache");
  const { handleApiRequest } = await import("../../../src/server/api/handle-api-request");
  await apiKeyListenerReady();
  const port = Number(process.env.SECOND_PROCESS_PORT ?? 0);
  const server = http.createServer((req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    handleApiRequest(new Request(new URL(req.url ?? "/", `http://127.0.0.1:${port}`), { headers }), "127.0.0.1")
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      });
  });
  server.listen(port, "127.0.0.1", () => {
    const address = server.address();
    console.log(`ready ${typeof address === "object" && address ? address.port : 0}`);
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
