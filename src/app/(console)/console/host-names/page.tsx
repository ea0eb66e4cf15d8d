/** Host names: the platform address, custom ones, and the DNS TXT verification step. */
import type { Metadata } from "next";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/card";
import { DateTime } from "@/components/date-time";
import { controlClasses } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { env } from "@/env";
import { usesLocalDns } from "@/server/dns/dns-resolver";
import { listHostNames } from "@/server/tenancy/list-host-names";
import { loadConsole } from "../_lib/console-session";
import { addHost, checkHost, publishLocalAnswer, removeHost } from "./actions";

export const metadata: Metadata = { title: "Host names" };

export default async function HostNamesPage() {
  const { ctx, reseller, canManage } = await loadConsole();
  const hosts = await listHostNames(ctx, reseller.id);
  const localDns = usesLocalDns();
  const scheme = env().PUBLIC_SCHEME;
  return (
    <>
      <PageHeader
        title="Host names"
        description="The addresses your storefront answers on. Custom host names start working once a DNS TXT record proves you control them."
      />
      <div className="space-y-6">
        <ul className="space-y-4">
          {hosts.map((h) => (
            <li key={h.id}>
              <Card
                title={h.host}
                description={
                  h.kind === "platform"
                    ? "Platform address: always yours, always verified."
                    : `Added ${h.createdAt.toISOString().slice(0, 10)}`
                }
                actions={<StatusBadge status={h.verifiedAt ? "verified" : "unverified"} />}
              >
                {h.verifiedAt ? (
                  <p className="text-sm text-slate-700">
                    Live at{" "}
                    <a
                      className="font-medium text-indigo-700 underline underline-offset-4"
                      href={`${scheme}://${h.host}/`}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      {scheme}://{h.host}/
                    </a>
                    {h.kind === "custom" && (
                      <>
                        {" "}
                        · verified <DateTime value={h.verifiedAt} />
                      </>
                    )}
                  </p>
                ) : (
                  <div className="space-y-3 text-sm text-slate-800">
                    <p>Publish this TXT record with your DNS provider, then check it:</p>
                    <dl className="grid gap-2 rounded-md bg-slate-50 p-3 font-mono text-xs sm:grid-cols-[6rem_1fr]">
                      <dt className="font-sans font-medium text-slate-600">Name</dt>
                      <dd className="break-all" data-testid="txt-name">
                        {h.recordName}
                      </dd>
                      <dt className="font-sans font-medium text-slate-600">Type</dt>
                      <dd>TXT</dd>
                      <dt className="font-sans font-medium text-slate-600">Value</dt>
                      <dd className="break-all" data-testid="txt-value">
                        {h.verificationToken}
                      </dd>
                    </dl>
                    {h.lastCheckedAt && (
                      <p className="text-amber-900">
                        Last check <DateTime value={h.lastCheckedAt} />: {h.lastCheckError}
                      </p>
                    )}
                    {canManage && (
                      <ActionForm
                        action={checkHost}
                        hidden={{ hostNameId: h.id }}
                        submitLabel="Check DNS now"
                        pendingLabel="Checking…"
                        success="Verified."
                      />
                    )}
                    {canManage && localDns && (
                      <div className="rounded-md border border-sky-200 bg-sky-50 p-3">
                        <p className="font-medium text-sky-950">Development: tell the local DNS the answer</p>
                        <p className="mt-1 text-sky-950">
                          This deployment uses a local stand-in for DNS. Publish a TXT value for {h.recordName} here,
                          then check it above.
                        </p>
                        <ActionForm
                          action={publishLocalAnswer}
                          hidden={{ hostNameId: h.id }}
                          submitLabel="Publish TXT value"
                          variant="secondary"
                          layout="inline"
                          className="mt-2"
                          success="Published to the local DNS."
                        >
                          <label htmlFor={`value-${h.id}`} className="sr-only">
                            TXT value for {h.recordName}
                          </label>
                          <input
                            id={`value-${h.id}`}
                            name="value"
                            defaultValue={h.verificationToken}
                            className={`${controlClasses(false)} max-w-md font-mono`}
                          />
                        </ActionForm>
                      </div>
                    )}
                  </div>
                )}
                {h.kind === "custom" && canManage && (
                  <div className="mt-4 border-t border-slate-100 pt-3">
                    <ActionForm
                      action={removeHost}
                      hidden={{ hostNameId: h.id }}
                      submitLabel="Remove host name"
                      variant="secondary"
                      confirm={`Remove ${h.host}? The storefront stops answering on it.`}
                    />
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
        {canManage ? (
          <Card
            title="Add a custom host name"
            description="A domain or subdomain you control, such as shop.example.com. Point it at this platform with your DNS provider as well."
          >
            <ActionForm
              action={addHost}
              submitLabel="Add host name"
              layout="inline"
              success="Added. Publish the TXT record shown above to verify it."
            >
              <div className="min-w-64 flex-1">
                <label htmlFor="host" className="block text-sm font-medium text-slate-800">
                  Host name
                </label>
                <input
                  id="host"
                  name="host"
                  required
                  placeholder="shop.example.com"
                  autoComplete="off"
                  spellCheck={false}
                  className={`${controlClasses(false)} mt-1`}
                />
              </div>
            </ActionForm>
          </Card>
        ) : (
          <Notice tone="info">Only owners and admins of an active reseller can add or verify host names.</Notice>
        )}
      </div>
    </>
  );
}
