import { describe, expect, it } from "vitest";
import {
  NOT_FOUND_PATH,
  canonicalHost,
  decodeHostSegment,
  encodeHostSegment,
  hostArea,
  requestHostHeader,
  routeRequest,
} from "@/lib/host-area";

const CONSOLE = "localhost:3000";

describe("hostArea", () => {
  it("treats the console host as the console, whatever its case", () => {
    expect(hostArea("LocalHost:3000", CONSOLE)).toEqual({ area: "console" });
  });

  it("treats every other host as a storefront named by its canonical host", () => {
    expect(hostArea("Acme.localhost:3000", CONSOLE)).toEqual({ area: "storefront", host: "acme.localhost:3000" });
    expect(hostArea("shop.example.com.", CONSOLE)).toEqual({ area: "storefront", host: "shop.example.com" });
  });

  it("sends a missing or malformed host to the reserved unknown host", () => {
    for (const raw of [null, "", "[::1]:3000", "evil host", "a..b", "x/y"]) {
      expect(hostArea(raw, CONSOLE)).toEqual({ area: "storefront", host: "unknown.invalid" });
    }
  });

  it("does not mistake the console host on another port for the console", () => {
    expect(hostArea("localhost:4000", CONSOLE)).toEqual({ area: "storefront", host: "localhost:4000" });
  });
});

describe("host segment encoding", () => {
  it("round-trips hosts with and without a port", () => {
    for (const host of ["acme.localhost:3000", "shop.example.com", "unknown.invalid"]) {
      expect(decodeHostSegment(encodeHostSegment(host))).toBe(host);
    }
    expect(encodeHostSegment("acme.localhost:3000")).toBe("~acme.localhost_3000");
  });

  it("decodes a percent-encoded segment as the browser may send it", () => {
    expect(decodeHostSegment("%7Eacme.localhost_3000")).toBe("acme.localhost:3000");
  });

  it("refuses segments the encoder never makes", () => {
    for (const s of ["acme.localhost_3000", "~ACME.localhost", "~a b", "~", "%E0%A4%A", "~acme.localhost_3000_1"]) {
      expect(decodeHostSegment(s)).toBeNull();
    }
  });

  it("canonicalises hosts the way stored host names are written", () => {
    expect(canonicalHost(" Shop.Example.COM:8443 ")).toBe("shop.example.com:8443");
  });
});

describe("routeRequest", () => {
  it("lets the console host serve its own routes untouched", () => {
    for (const path of ["/", "/sign-in", "/console/branding", "/registrar", "/api/health", "/robots.txt"]) {
      expect(routeRequest(CONSOLE, path, CONSOLE)).toEqual({ action: "next" });
    }
  });

  it("refuses a storefront path typed on the console host", () => {
    for (const path of ["/~acme.localhost_3000", "/~acme.localhost_3000/account", "/%7Eacme.localhost_3000/"]) {
      expect(routeRequest(CONSOLE, path, CONSOLE)).toEqual({ action: "not-found", pathname: NOT_FOUND_PATH });
    }
  });

  it("rewrites storefront paths under the encoded host", () => {
    expect(routeRequest("acme.localhost:3000", "/", CONSOLE)).toEqual({
      action: "rewrite",
      pathname: "/~acme.localhost_3000",
    });
    expect(routeRequest("acme.localhost:3000", "/account/password", CONSOLE)).toEqual({
      action: "rewrite",
      pathname: "/~acme.localhost_3000/account/password",
    });
  });

  it("keeps a storefront inside its own host even when the path names another", () => {
    expect(routeRequest("acme.localhost:3000", "/~nimbus.localhost_3000/account", CONSOLE)).toEqual({
      action: "rewrite",
      pathname: "/~acme.localhost_3000/~nimbus.localhost_3000/account",
    });
  });

  it("passes route handlers and assets through on storefront hosts", () => {
    for (const path of ["/api/auth/session", "/api", "/_next/data/x.json", "/assets/logo.svg", "/favicon.ico"]) {
      expect(routeRequest("acme.localhost:3000", path, CONSOLE)).toEqual({ action: "next" });
    }
  });

  it("routes an unknown host to the reserved storefront that never exists", () => {
    expect(routeRequest(null, "/", CONSOLE)).toEqual({ action: "rewrite", pathname: "/~unknown.invalid" });
  });
});

describe("requestHostHeader", () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it("prefers the first X-Forwarded-Host value, as Next's own origin check does", () => {
    expect(
      requestHostHeader(headers({ host: "localhost:3000", "x-forwarded-host": "acme.localhost:3000, proxy.internal" })),
    ).toBe("acme.localhost:3000");
  });

  it("falls back to Host", () => {
    expect(requestHostHeader(headers({ host: "acme.localhost:3000" }))).toBe("acme.localhost:3000");
    expect(requestHostHeader(headers({}))).toBeNull();
  });
});
