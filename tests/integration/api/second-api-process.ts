/**
 * A second app process serving the API, for the cross-process revocation test: node:http with the
 * API's node listener, as api-server.ts but in a process of its own with its own key cache. Prints
 * "ready PORT" once its key listener is live. Started by key-revocation-across-processes.test.ts with tsx.
 */
import "../../../src/server-only-outside-next";
import http from "node:http";

async function main(): Promise<void> {
  const { apiKeyListenerReady } = await import("../../../src/server/api-keys/key-cache");
  const { apiNodeListener } = await import("../../../src/server/api/node-api-listener");
  await apiKeyListenerReady();
  const port = Number(process.env.SECOND_PROCESS_PORT ?? 0);
  const server = http.createServer(apiNodeListener(() => "127.0.0.1"));
  server.listen(port, "127.0.0.1", () => {
    const address = server.address();
    console.log(`ready ${typeof address === "object" && address ? address.port : 0}`);
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
