/**
 * A second app process for cross-process invalidation tests: the platform's own storefront lookup
 * (the cache the storefront layout reads) behind a tiny HTTP server. Prints "ready PORT" once its
 * cache listener is live. Started by cross-process-invalidation.test.ts with tsx.
 */
import "../../../src/server-only-outside-next";
import http from "node:http";

async function main(): Promise<void> {
  const { cacheListenerReady } = await import("../../../src/server/cache/listen");
  const { findStorefrontByHost } = await import("../../../src/server/tenancy/find-storefront-by-host");
  const { cacheSynced } = await import("../../../src/server/cache/bus");
  await cacheListenerReady(30_000);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    // Answers once this process has heard every change committed before the call.
    if (url.pathname === "/sync") {
      void cacheSynced().then((ok) => res.end(JSON.stringify(ok)));
      return;
    }
    const host = url.searchParams.get("host") ?? "";
    findStorefrontByHost(host).then(
      (s) => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(s && { displayName: s.displayName, tagline: s.branding.tagline, status: s.status }));
      },
      (e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      },
    );
  });
  server.listen(Number(process.env.SECOND_PROCESS_PORT ?? 0), "127.0.0.1", () => {
    const address = server.address();
    console.log(`ready ${typeof address === "object" && address ? address.port : 0}`);
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
