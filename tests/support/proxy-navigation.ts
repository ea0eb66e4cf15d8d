/**
 * The proxy's answer to a browser's document load of `path` on `host` (the console host stubbed as
 * in the dev setup). Page caches answer only document loads (src/server/cache/page-render.ts,
 * decision 145); `headers` add to or override what the browser sends.
 */
import { NextRequest } from "next/server";
import { vi } from "vitest";

export const BROWSER_NAVIGATION = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "sec-fetch-dest": "document",
};

export async function proxyNavigation(host: string, path: string, headers: Record<string, string> = {}) {
  vi.stubEnv("CONSOLE_HOST", "localhost:3000");
  const { proxy } = await import("@/proxy");
  return proxy(new NextRequest(`http://${host}${path}`, { headers: { host, ...BROWSER_NAVIGATION, ...headers } }));
}
