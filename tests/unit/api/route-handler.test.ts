/** The Next route only delegates: on the console host it answers, on a storefront host /api/v1 is not found. */
import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { GET } from "@/app/api/v1/[...path]/route";

const request = (host: string, path: string) =>
  new Request(`http://${host}/api/v1${path}`, { headers: { host, authorization: "" } });

describe("/api/v1 route", () => {
  it("serves the OpenAPI document on the console host", async () => {
    const res = await GET(request(env().CONSOLE_HOST, "/openapi.json"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ openapi: "3.1.0", paths: { "/domains": expect.any(Object) } });
  });

  it("answers 404 problem details on a storefront host and for unknown routes, 401 without a key", async () => {
    const shop = await GET(request("shop.example.com", "/openapi.json"));
    expect(shop.status).toBe(404);
    expect(shop.headers.get("content-type")).toBe("application/problem+json");
    const unknown = await GET(request(env().CONSOLE_HOST, "/no-such-thing"));
    expect(await unknown.json()).toMatchObject({ status: 404, code: "NOT_FOUND" });
    const anonymous = await GET(request(env().CONSOLE_HOST, "/orders"));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});
