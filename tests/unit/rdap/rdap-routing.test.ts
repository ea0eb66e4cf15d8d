import { describe, expect, it } from "vitest";
import { routeRequest } from "@/lib/host-area";
import { isRouteHandlerPath } from "@/lib/security-headers";
import { locateRdapRequest } from "@/server/rdap/answer-rdap";

const CONSOLE = "console.example:3000";
const RDAP = "rdap.registrar.example";

describe("RDAP routing", () => {
  it("serves /rdap on the console host and, untouched, on storefront hosts", () => {
    expect(routeRequest(CONSOLE, "/rdap/domain/example.com", CONSOLE, RDAP)).toEqual({ action: "next" });
    expect(routeRequest("acme.example", "/rdap/domain/example.com", CONSOLE, RDAP)).toEqual({ action: "next" });
    expect(routeRequest("acme.example", "/rdap", CONSOLE)).toEqual({ action: "next" });
    expect(routeRequest("acme.example", "/rdapper", CONSOLE)).toEqual({
      action: "rewrite",
      pathname: "/~acme.example/rdapper",
    });
  });

  it("serves RDAP at the root of the RDAP host and nothing else there", () => {
    expect(routeRequest("RDAP.registrar.example.", "/domain/example.com", CONSOLE, RDAP)).toEqual({
      action: "rewrite",
      pathname: "/rdap/domain/example.com",
    });
    expect(routeRequest(RDAP, "/console", CONSOLE, RDAP)).toEqual({ action: "rewrite", pathname: "/rdap/console" });
    expect(routeRequest(RDAP, "/api/health", CONSOLE, RDAP)).toEqual({
      action: "rewrite",
      pathname: "/rdap/api/health",
    });
  });

  it("without an RDAP host configured, that name is just another storefront host", () => {
    expect(routeRequest(RDAP, "/domain/example.com", CONSOLE)).toEqual({
      action: "rewrite",
      pathname: "/~rdap.registrar.example/domain/example.com",
    });
  });

  it("gives RDAP answers the route handlers' locked-down headers", () => {
    expect(isRouteHandlerPath("/rdap/domain/example.com")).toBe(true);
    expect(isRouteHandlerPath("/rdapper")).toBe(false);
  });
});

describe("where an RDAP request was made", () => {
  it("takes the path after /rdap on the console and storefront hosts", () => {
    expect(locateRdapRequest("http://127.0.0.1:3000/rdap/domain/x.org", "acme.example", RDAP, "https")).toEqual({
      path: "/domain/x.org",
      publicUrl: "https://acme.example/rdap/domain/x.org",
    });
  });

  it("gives the RDAP host's own URL, without /rdap, for a request the proxy rewrote", () => {
    expect(locateRdapRequest("http://127.0.0.1:3000/rdap/domain/x.org", RDAP, RDAP, "https")).toEqual({
      path: "/domain/x.org",
      publicUrl: "https://rdap.registrar.example/domain/x.org",
    });
    expect(locateRdapRequest("http://127.0.0.1:3000/domain/x.org", RDAP, RDAP, "https").path).toBe("/domain/x.org");
  });
});
