/**
 * The browser spec tests/e2e/route-isolation.spec.ts attacks each route handler listed in
 * tests/e2e/support/route-attacks.ts over real HTTP. This fails when a route.ts under src/app exports a
 * method that list does not attack, or the list names a route that no longer exists.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_ATTACKS } from "../../e2e/support/route-attacks";

const APP = path.resolve(__dirname, "../../../src/app");

/** Every exported HTTP method of a route handler, as "file METHOD" (the isolation suite's keys). */
function discoverRoutes(): string[] {
  return readdirSync(APP, { recursive: true, encoding: "utf8" })
    .filter((f) => /^route\.tsx?$/.test(path.basename(f)))
    .flatMap((f) =>
      [
        ...readFileSync(path.join(APP, f), "utf8").matchAll(
          /export (?:async function|const|function) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g,
        ),
      ].map((m) => `${f.split(path.sep).join("/")} ${m[1]}`),
    );
}

describe("route handlers attacked over HTTP", () => {
  const routes = discoverRoutes();

  it("finds the route handlers", () => {
    expect(routes).toContain("api/storefront/orders/[orderId]/route.ts GET");
    expect(routes.length).toBeGreaterThan(10);
  });

  it("attacks every exported method of every route.ts under src/app", () => {
    expect(
      routes.filter((r) => !ROUTE_ATTACKS[r]?.attacks.length),
      "add attacks in tests/e2e/support/route-attacks.ts",
    ).toEqual([]);
  });

  it("attacks nothing that does not exist", () => {
    expect(Object.keys(ROUTE_ATTACKS).filter((k) => !routes.includes(k))).toEqual([]);
  });
});
