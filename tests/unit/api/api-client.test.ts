/**
 * The checked-in typed client is what the current OpenAPI document generates: a route or schema
 * changed without `npm run api:client` fails here, so the client in the repository never lags the API.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_CLIENT_TYPES_FILE, generateApiClientTypes } from "../../../scripts/lib/api-client-types";
import { API_ROUTES } from "@/server/api/routes";

describe("the typed API client", () => {
  it("is what the current OpenAPI document generates (run `npm run api:client` when this fails)", async () => {
    const checkedIn = readFileSync(API_CLIENT_TYPES_FILE, "utf8");
    expect(checkedIn === (await generateApiClientTypes()), "src/api-client/v1.d.ts is stale").toBe(true);
  }, 60_000);

  it("declares every route of the table", () => {
    const checkedIn = readFileSync(API_CLIENT_TYPES_FILE, "utf8");
    for (const r of API_ROUTES) expect(checkedIn, r.operationId).toContain(`operations["${r.operationId}"]`);
  });
});
