import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

const CONSOLE = "localhost:3000";

async function answer(host: string, path: string, envOver: Record<string, string> = {}) {
  vi.resetModules();
  vi.unstubAllEnvs();
  vi.stubEnv("CONSOLE_HOST", CONSOLE);
  for (const [k, v] of Object.entries(envOver)) vi.stubEnv(k, v);
  const { proxy } = await import("@/proxy");
  return proxy(new NextRequest(`http://${host}${path}`, { headers: { host } }));
}

function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v.join(" ")]),
  );
}

describe("security finding 09: security headers", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    ["a console page", CONSOLE, "/console/domains"],
    ["a storefront page", "acme.localhost:3000", "/account"],
    ["an API route", "acme.localhost:3000", "/api/storefront/bulk-search"],
  ])("sets frame, sniffing, referrer and permission headers on %s", async (_what, host, path) => {
    const res = await answer(host, path);
    const csp = directives(res.headers.get("content-security-policy"));
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
  });

  it("gives pages a fresh nonce that Next.js can read from the request, and no inline script without it", async () => {
    const first = await answer(CONSOLE, "/console");
    const second = await answer("acme.localhost:3000", "/");
    const csp = directives(first.headers.get("content-security-policy"));
    const nonce = /'nonce-([^']+)'/.exec(csp.get("script-src") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(csp.get("script-src")).not.toContain("unsafe-inline");
    expect(csp.get("object-src")).toBe("'none'");
    expect(first.headers.get("x-middleware-request-content-security-policy")).toContain(`'nonce-${nonce}'`);
    expect(second.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
  });

  it("lets branding colours through as style attributes but not inline style elements without the nonce", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc", development: false, https: false }));
    expect(csp.get("style-src-attr")).toBe("'unsafe-inline'");
    expect(csp.get("style-src")).toBe("'self' 'nonce-abc'");
  });

  it("gives API routes a policy that allows nothing", async () => {
    const res = await answer(CONSOLE, "/api/health");
    expect(directives(res.headers.get("content-security-policy")).get("default-src")).toBe("'none'");
  });

  it("keeps referrers off pages whose address holds a token", async () => {
    for (const path of ["/reset-password/tok", "/invitation/tok", "/register/confirm/tok"]) {
      expect((await answer(CONSOLE, path)).headers.get("referrer-policy")).toBe("no-referrer");
    }
    expect((await answer("acme.localhost:3000", "/registrant-change/id?t=tok")).headers.get("referrer-policy")).toBe(
      "no-referrer",
    );
    expect((await answer("acme.localhost:3000", "/certificate-key/tok")).headers.get("referrer-policy")).toBe(
      "no-referrer",
    );
  });

  it("sends HSTS in production and over https, never in plain development", async () => {
    expect(
      (await answer(CONSOLE, "/", { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) })).headers.get(
        "strict-transport-security",
      ),
    ).toMatch(/max-age=\d{7,}/);
    expect((await answer(CONSOLE, "/", { PUBLIC_SCHEME: "https" })).headers.get("strict-transport-security")).toMatch(
      /max-age=/,
    );
    expect(
      (await answer(CONSOLE, "/", { NODE_ENV: "development" })).headers.get("strict-transport-security"),
    ).toBeNull();
    expect(
      securityHeaders({ pathname: "/", nonce: "n", development: false, strictTransport: false, https: false })[
        "Strict-Transport-Security"
      ],
    ).toBeUndefined();
  });
});
