/** API keys: what calls the reseller API, with which scopes, from where, last used when; make and revoke. */
import type { Metadata } from "next";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { listApiKeys } from "@/server/api-keys/list-api-keys";
import { API_SCOPES, SCOPE_WORDS } from "@/server/api-keys/scopes";
import { loadConsole } from "../_lib/console-session";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";
import { CreateKeyForm } from "./_components/create-key-form";
import { resetSandboxAction } from "./sandbox-actions";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { ctx, reseller, isManager, canManage } = await loadConsole();
  if (!isManager)
    return (
      <>
        <PageHeader title="API keys" />
        <Notice tone="info">Only owners and admins can see and make API keys.</Notice>
      </>
    );
  const keys = await listApiKeys(ctx, reseller.id);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the reseller API at /api/v1 (reference: /console/api/reference, document: /api/v1/openapi.json). Send one as Authorization: Bearer KEY. Test keys (rk_test_) act on a sandbox, never on live data. Revoking takes effect at once."
      />
      <div className="space-y-6">
        <DataTable
          caption="API keys"
          headers={["Name", "Key", "Scopes", "Allowed from", "Last used", "Expires", ""]}
          empty={keys.length ? undefined : <EmptyState title="No API keys yet." />}
        >
          {keys.map((k) => {
            const expired = k.expiresAt !== null && k.expiresAt <= now;
            return (
              <tr key={k.id} className={k.revokedAt || expired ? "text-slate-500" : ""}>
                <Td>
                  {k.name}
                  <span className="block text-xs text-slate-500">by {k.createdByName}</span>
                </Td>
                <Td className="font-mono text-xs">{k.displayPrefix}…</Td>
                <Td>{k.scopes.join(", ")}</Td>
                <Td className="text-xs">{k.allowedCidrs.length ? k.allowedCidrs.join(", ") : "Anywhere"}</Td>
                <Td>
                  {k.lastUsedAt ? (
                    <>
                      <DateTime value={k.lastUsedAt} />
                      <span className="block text-xs text-slate-500">{k.lastUsedFrom}</span>
                    </>
                  ) : (
                    "Never"
                  )}
                </Td>
                <Td>{k.expiresAt ? <DateTime value={k.expiresAt} /> : "Never"}</Td>
                <Td>
                  {k.revokedAt ? (
                    <>
                      Revoked <DateTime value={k.revokedAt} />
                    </>
                  ) : expired ? (
                    "Expired"
                  ) : canManage ? (
                    <ActionForm
                      action={revokeApiKeyAction}
                      hidden={{ keyId: k.id }}
                      submitLabel="Revoke"
                      variant="secondary"
                      confirm={`Revoke ${k.name}? Calls with it are refused from now on.`}
                    />
                  ) : null}
                </Td>
              </tr>
            );
          })}
        </DataTable>
        {canManage && (
          <Card title="Make an API key" description="The key is shown once, right after you make it.">
            <CreateKeyForm
              action={createApiKeyAction}
              scopes={API_SCOPES.map((s) => ({ value: s, label: s, help: SCOPE_WORDS[s] }))}
            />
          </Card>
        )}
        {canManage && (
          <Card
            title="Reset sandbox"
            description="Deletes the orders, domains, contacts, bulk jobs and webhook deliveries your test keys made, and restores the sandbox's test money. Orders still being fulfilled are kept; live data is never touched. Sandbox data older than 30 days is deleted every night anyway."
          >
            <ActionForm
              action={resetSandboxAction}
              submitLabel="Reset sandbox"
              variant="danger"
              confirm="Delete everything your test keys made in the sandbox? This cannot be undone."
              success="The sandbox is empty and its test money restored."
            />
          </Card>
        )}
      </div>
    </>
  );
}
