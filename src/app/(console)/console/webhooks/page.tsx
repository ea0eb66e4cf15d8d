/**
 * Webhooks: where the reseller's events are sent, which ones, whether each endpoint is on; add one.
 * Live and test endpoints are listed apart: test endpoints receive only the events of test API keys.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/card";
import { DataTable, EmptyState, Td } from "@/components/data-table";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { listWebhookEndpoints } from "@/server/webhooks/list-webhooks";
import { existingWebhookContext } from "@/server/webhooks/webhook-mode";
import { EVENT_WORDS, WEBHOOK_EVENT_TYPES } from "@/server/webhooks/outbox/event-types";
import { loadConsole } from "../_lib/console-session";
import { createWebhookEndpointAction } from "./actions";
import { CreateEndpointForm } from "./_components/create-endpoint-form";
import { ModeSwitch, modeOf } from "./_components/mode-switch";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<{ mode?: string }> }) {
  const { ctx, isManager, canManage } = await loadConsole();
  const mode = modeOf((await searchParams).mode);
  if (!isManager)
    return (
      <>
        <PageHeader title="Webhooks" />
        <Notice tone="info">Only owners and admins can see and add webhook endpoints.</Notice>
      </>
    );
  const acting = await existingWebhookContext(ctx, mode);
  const endpoints = acting ? await listWebhookEndpoints(acting, acting.resellerId) : [];
  const suffix = mode === "test" ? "?mode=test" : "";
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Events sent to your systems as signed POSTs (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature). Failed deliveries are retried for 3 days; an endpoint that keeps failing is disabled and your owners are mailed."
      />
      <div className="space-y-6">
        <ModeSwitch mode={mode} />
        {mode === "test" && (
          <Notice tone="info">
            Test endpoints receive the events of actions made with rk_test_ keys (the sandbox), marked &quot;mode&quot;:
            &quot;test&quot; in the body. Live events never go to them, nor test events to live endpoints.
          </Notice>
        )}
        <DataTable
          caption={mode === "test" ? "Test webhook endpoints" : "Live webhook endpoints"}
          headers={["Endpoint", "Events", "Secret", "Status"]}
          empty={endpoints.length ? undefined : <EmptyState title="No webhook endpoints yet." />}
        >
          {endpoints.map((e) => (
            <tr key={e.id} className={e.enabled ? "" : "text-slate-500"}>
              <Td>
                <Link href={`/console/webhooks/${e.id}${suffix}`} className="font-mono text-xs break-all underline">
                  {e.url}
                </Link>
                {e.description && <span className="block text-xs text-slate-500">{e.description}</span>}
              </Td>
              <Td className="text-xs">{e.eventTypes.join(", ")}</Td>
              <Td className="font-mono text-xs">{e.secretPrefix}…</Td>
              <Td>
                {e.enabled ? "Enabled" : "Disabled"}
                {e.disabledReason && <span className="block text-xs">{e.disabledReason}</span>}
              </Td>
            </tr>
          ))}
        </DataTable>
        {canManage && (
          <Card
            title={mode === "test" ? "Add a test endpoint" : "Add an endpoint"}
            description="The signing secret is shown once, right after you add it."
          >
            <CreateEndpointForm
              mode={mode}
              action={createWebhookEndpointAction}
              events={WEBHOOK_EVENT_TYPES.map((t) => ({ value: t, help: EVENT_WORDS[t] }))}
            />
          </Card>
        )}
      </div>
    </>
  );
}
