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
  const { freshAsOf } = await import("../../../src/server/cache/barrier");
  const { getRegistrar } = await import("../../../src/server/tenancy/get-registrar");
  await cacheListenerReady(30_000);
  // Barrier rounds are NOTIFYs this process sends itself: counted to show what one page read costs.
  const pg = (await import("pg")).default;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  let rounds = 0;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    if (typeof args[0] === "string" && args[0].includes("pg_notify")) rounds++;
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    // As a storefront page reads (decision 137): the storefront for the layout, the registrar for the
    // footer, the storefront again for the session's host check, all fresh as of the page's arrival.
    if (url.pathname === "/page") {
      const before = rounds;
      const host = url.searchParams.get("host") ?? "";
      void freshAsOf(performance.now(), async () => {
        const layout = await findStorefrontByHost(host);
        const [registrar, session] = await Promise.all([getRegistrar(), findStorefrontByHost(host)]);
        return { taglines: [layout?.branding.tagline, session?.branding.tagline], registrar: registrar.legalName };
      }).then(
        (seen) => res.end(JSON.stringify({ ...seen, rounds: rounds - before })),
        (e: unknown) => {
          res.statusCode = 500;
          res.end(String(e));
        },
      );
      return;
    }
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
