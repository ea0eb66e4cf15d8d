/**
 * The reseller API's reference, rendered on the server from the same OpenAPI document the API serves
 * (so it cannot drift from the code): every operation with its scope, parameters, body and answer.
 * No client-side UI library; the JSON document is linked for tools.
 */
import type { Metadata } from "next";
import { env } from "@/env";
import { PageHeader } from "@/components/page-header";
import { API_ROUTES } from "@/server/api/routes";
import { buildOpenApiDocument } from "@/server/api/openapi";
import { SCOPE_WORDS } from "@/server/api-keys/scopes";
import { loadConsole } from "../../_lib/console-session";
import { ApiReference, type ReferenceDoc } from "./_components/api-reference";

export const metadata: Metadata = { title: "API reference" };

export default async function ApiReferencePage() {
  await loadConsole();
  const base = `${env().PUBLIC_SCHEME}://${env().CONSOLE_HOST}/api/v1`;
  const doc = buildOpenApiDocument(API_ROUTES, base) as unknown as ReferenceDoc;
  return (
    <>
      <PageHeader
        title="API reference"
        description={`Everything the reseller API at ${base} does, generated from its OpenAPI 3.1 document.`}
      />
      <ApiReference doc={doc} scopes={SCOPE_WORDS} />
    </>
  );
}
