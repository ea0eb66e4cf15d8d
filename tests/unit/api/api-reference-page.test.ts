/** The console's API reference renders every operation of the document, readably, on the server. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "@/server/api/routes";
import { buildOpenApiDocument } from "@/server/api/openapi";
import { SCOPE_WORDS } from "@/server/api-keys/scopes";
import { ApiReference, type ReferenceDoc } from "@/app/(console)/console/api/reference/_components/api-reference";

const escapeHtml = (t: string) =>
  t.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("'", "&#x27;");

describe("API reference page", () => {
  const doc = buildOpenApiDocument(API_ROUTES, "https://console.example/api/v1") as unknown as ReferenceDoc;
  const html = renderToStaticMarkup(createElement(ApiReference, { doc, scopes: SCOPE_WORDS }));

  it("lists every route with its method, path, summary and an anchor", () => {
    for (const r of API_ROUTES) {
      expect(html, r.operationId).toContain(`id="${r.operationId}"`);
      expect(html, r.operationId).toContain(`href="#${r.operationId}"`);
      expect(html).toContain(r.path);
      expect(html).toContain(escapeHtml(r.summary));
    }
  });

  it("shows bodies and answers as types, the Idempotency-Key and the problems", () => {
    const register = html.slice(html.indexOf('id="registerDomain"'), html.indexOf('id="listDomains"'));
    expect(register).toContain("Idempotency-Key");
    expect(register).toMatch(/privacy\?: boolean = false/);
    expect(register).toContain("201 answer");
    expect(register).toContain("401 No key");
    expect(html).toContain("rk_test_");
  });
});
