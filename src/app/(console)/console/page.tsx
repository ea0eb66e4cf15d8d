/** The reseller dashboard: status, where the storefront lives, people, and recent activity. */
import type { Metadata } from "next";
import Link from "next/link";
import { Card, DetailList } from "@/components/card";
import { ActivityList } from "@/components/activity-list";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { env } from "@/env";
import { domainNamesById } from "@/server/domains/queries/domain-names";
import { listAuditEntries } from "@/server/tenancy/list-audit-entries";
import { listHostNames } from "@/server/tenancy/list-host-names";
import { listStaff } from "@/server/tenancy/list-staff";
import { loadConsole } from "./_lib/console-session";
import { DomainDashboardWidgets } from "./domains/_components/dashboard-widgets";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const { ctx, reseller } = await loadConsole();
  const [hosts, staff, activity] = await Promise.all([
    listHostNames(ctx, reseller.id),
    listStaff(ctx, reseller.id),
    listAuditEntries(ctx, { resellerId: reseller.id, pageSize: 10 }),
  ]);
  const domainIds = activity.items.filter((e) => e.entity === "domain" && e.entityId).map((e) => e.entityId as string);
  const names = await domainNamesById(ctx, { resellerId: reseller.id, ids: domainIds });
  const live = hosts.filter((h) => h.verifiedAt);
  const waiting = hosts.filter((h) => !h.verifiedAt);
  const scheme = env().PUBLIC_SCHEME;
  return (
    <>
      <PageHeader title={`Welcome to ${reseller.displayName}`} description="Your storefront at a glance." />
      <div className="mb-6">
        <DomainDashboardWidgets ctx={ctx} resellerId={reseller.id} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Account">
          <DetailList
            items={[
              { label: "Status", value: <StatusBadge status={reseller.status} /> },
              { label: "Legal name", value: reseller.legalName },
              { label: "Storefront name", value: reseller.slug },
              {
                label: "Staff",
                value: `${staff.members.length} member${staff.members.length === 1 ? "" : "s"}${staff.invitations.length ? `, ${staff.invitations.length} invited` : ""}`,
              },
            ]}
          />
        </Card>
        <Card
          title="Your storefront"
          actions={
            <Link
              className="text-sm font-medium text-indigo-700 underline underline-offset-4"
              href="/console/host-names"
            >
              Manage host names
            </Link>
          }
        >
          <ul className="space-y-2">
            {live.map((h) => (
              <li key={h.id}>
                <a
                  className="font-medium text-indigo-700 underline underline-offset-4"
                  href={`${scheme}://${h.host}/`}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {h.host}
                </a>{" "}
                <span className="text-sm text-slate-600">
                  ({h.kind === "platform" ? "platform address" : "your domain"})
                </span>
              </li>
            ))}
          </ul>
          {waiting.length > 0 && (
            <p className="mt-3 text-sm text-amber-900">
              {waiting.length} host name{waiting.length === 1 ? " is" : "s are"} waiting for DNS verification.
            </p>
          )}
        </Card>
      </div>
      <Card title="Recent activity" className="mt-6">
        <ActivityList entries={activity.items} area="console" names={names} />
      </Card>
    </>
  );
}
