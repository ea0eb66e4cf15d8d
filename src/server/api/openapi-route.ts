/** GET /api/v1/openapi.json: the document, public (it describes the API, it holds no data). */
import { z } from "zod";
import { env } from "@/env";
import { defineRoute } from "./define-route";
import { buildOpenApiDocument } from "./openapi";
import { noParams, noQuery } from "./schemas";

export const openApiRoute = defineRoute({
  method: "GET",
  path: "/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This document.",
  scope: null,
  params: noParams,
  query: noQuery,
  body: null,
  response: z.record(z.string(), z.unknown()),
  handler: async () => {
    // Imported here: the route list imports this route, so a top-level import would be a cycle.
    const { API_ROUTES } = await import("./routes");
    return buildOpenApiDocument(API_ROUTES, `${env().PUBLIC_SCHEME}://${env().CONSOLE_HOST}/api/v1`);
  },
});
