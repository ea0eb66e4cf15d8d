/**
 * One webhook endpoint, live or test (`?mode=test`): turn it on or off, rotate its secret, delete it,
 * and its delivery log with replays.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { isAppError } from "@/server/errors";
import { getWebhookEndpointLog } from "@/server/webhooks/list-webhooks";
import { existingWebhookContext } from "@/server/webhooks/webhook-mode";
import { loadConsole } from "../../_lib/console-session";
import {
  deleteWebhookEndpointAction,
  replayWebhookDeliveryAction,
  rotateWebhookSecretAction,
  setWebhookEndpointEnabledAction,
} from "../actions";
import { modeOf } from "../_components/mode-switch";
import { SecretOnceForm } from "../_components/secret-once-form";

export const metadata: Metadata = { title: "Webhook endpoint" };

export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ mode?: string }>;
}) {
  const { ctx, isManager, canManage } = await loadConsole();
  if (!isManager) notFound();
  const mode = modeOf((await searchParams).mode);
  const acting = await existingWebhookContext(ctx, mode);
  if (!acting) notFound();
  const { endpoint, deliveries } = await getWebhookEndpointLog(acting, acting.resellerId, (await params).id).catch(
    (e: unknown) => {
      if (isAppError(e) && e.code === "NOT_FOUND") notFound();
      throw e;
    },
  );
  return (
    <>
      <PageHeader
        title={mode === "test" ? "Test webhook endpoint" : "Webhook endpoint"}
        description={`${endpoint.url} · ${endpoint.eventTypes.join(", ")} · secret ${endpoint.secretPrefix}…`}
      />
      <div className="space-y-6">
        <Card
          title={endpoint.enabled ? "Enabled" : "Disabled"}
          description={endpoint.disabledReason ?? "Events are sent as they happen."}
        >
          {canManage && (
            <div className="flex flex-wrap gap-4">
              <ActionForm
                action={setWebhookEndpointEnabledAction}
                hidden={{ endpointId: endpoint.id, enabled: endpoint.enabled ? "false" : "true", mode }}
                submitLabel={endpoint.enabled ? "Disable" : "Enable"}
                variant="secondary"
              />
              <SecretOnceForm
                action={rotateWebhookSecretAction}
                hidden={{ endpointId: endpoint.id, mode }}
                submitLabel="Rotate secret"
                pendingLabel="Rotating…"
                variant="secondary"
              />
              <ActionForm
                action={deleteWebhookEndpointAction}
                hidden={{ endpointId: endpoint.id, mode }}
                submitLabel="Delete endpoint"
                confirm="Delete this endpoint and its delivery log? Nothing more will be sent to it."
                variant="danger"
              />
            </div>
          )}
        </Card>
        <Card
          title="Delivery log"
          description="The latest 50 deliveries, each attempt with what was sent and answered."
        >
          {deliveries.length === 0 && <EmptyState title="Nothing sent yet." />}
          <ul className="space-y-4">
            {deliveries.map((d) => (
              <li key={d.id} className="rounded border border-slate-200 p-3">
                <div className="flex flex-wrap items-center gap-3 text-sm">
                  <span className="font-medium">{d.event?.type}</span>
                  <span className="font-mono text-xs">{d.eventId}</span>
                  <span>{d.state}</span>
                  {d.nextAttemptAt && (
                    <span className="text-xs text-slate-500">
                      next attempt <DateTime value={d.nextAttemptAt} />
                    </span>
                  )}
                  {canManage && endpoint.enabled && (
                    <ActionForm
                      action={replayWebhookDeliveryAction}
                      hidden={{ deliveryId: d.id, mode }}
                      submitLabel="Replay"
                      variant="secondary"
                      success="Replay queued."
                    />
                  )}
                </div>
                <ol className="mt-2 space-y-2">
                  {d.attempts.map((a) => (
                    <li key={a.id} className="text-xs">
                      <details>
                        <summary>
                          #{a.number} {a.trigger} · <DateTime value={a.startedAt} /> ·{" "}
                          {a.responseStatus ?? a.error ?? "no answer"} · {a.durationMs} ms
                        </summary>
                        <pre className="mt-1 overflow-x-auto bg-slate-50 p-2 whitespace-pre-wrap">
                          {`POST ${a.url}\n${Object.entries(a.requestHeaders)
                            .map(([k, v]) => `${k}: ${v}`)
                            .join("\n")}\n\n${a.requestBody}`}
                        </pre>
                        <pre className="mt-1 overflow-x-auto bg-slate-50 p-2 whitespace-pre-wrap">
                          {a.responseStatus === null
                            ? (a.error ?? "")
                            : `${a.responseStatus}\n\n${a.responseBody ?? ""}`}
                        </pre>
                      </details>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
