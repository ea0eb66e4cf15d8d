/** One reseller for registrar staff: branding, hosts, staff, status history; suspend or reactivate. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/components/action-form";
import { ActivityList } from "@/components/activity-list";
import { Card, DetailList } from "@/components/card";
import { DateTime } from "@/components/date-time";
import { controlClasses } from "@/components/form-field";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { FONT_LABELS, isFontChoice } from "@/lib/fonts";
import { isAppError } from "@/server/errors";
import { getBranding } from "@/server/tenancy/get-branding";
import { getResellerOrThrow } from "@/server/tenancy/get-reseller-or-throw";
import { listAuditEntries } from "@/server/tenancy/list-audit-entries";
import { listHostNames } from "@/server/tenancy/list-host-names";
import { listStaff } from "@/server/tenancy/list-staff";
import { ROLE_LABELS } from "@/server/tenancy/staff-roles";
import { reactivate, suspend } from "../../_lib/registrar-actions";
import { loadRegistrar } from "../../_lib/registrar-session";

export const metadata: Metadata = { title: "Reseller" };

function Swatch({ color, label }: { color: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-2 text-sm">
      <span aria-hidden="true" className="h-5 w-5 rounded border border-slate-300" style={{ backgroundColor: color }} />
      {label} <code className="text-xs">{color}</code>
    </span>
  );
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ approved?: string }> };

export default async function ResellerDetailPage({ params, searchParams }: Props) {
  const { ctx, canWrite } = await loadRegistrar();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const reseller = await getResellerOrThrow(ctx, id.data).catch((e: unknown) =>
    isAppError(e) && e.code === "NOT_FOUND" ? null : Promise.reject(e),
  );
  if (!reseller) notFound();
  const [branding, hosts, staff, history] = await Promise.all([
    getBranding(ctx, reseller.id),
    listHostNames(ctx, reseller.id),
    listStaff(ctx, reseller.id),
    listAuditEntries(ctx, { resellerId: reseller.id, entity: "reseller", entityId: reseller.id, pageSize: 50 }),
  ]);
  return (
    <>
      {(await searchParams).approved === "1" && (
        <div className="mb-6">
          <Notice tone="success" title="Application approved" role="status">
            Application approved. The owner invitation to{" "}
            {staff.invitations.find((i) => i.role === "owner")?.email ?? branding.supportEmail} is in the mail outbox.
          </Notice>
        </div>
      )}
      <PageHeader
        title={reseller.displayName}
        description={`${reseller.legalName} · slug ${reseller.slug} · since ${reseller.createdAt.toISOString().slice(0, 10)}`}
        actions={
          <span className="flex items-center gap-3">
            <Link
              className="text-sm font-medium text-indigo-700 underline"
              href={`/registrar/resellers/${reseller.id}/health`}
            >
              Health
            </Link>
            <StatusBadge status={reseller.status} />
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Status">
          <DetailList
            items={[
              { label: "Status", value: <StatusBadge status={reseller.status} /> },
              ...(reseller.suspendedAt
                ? [
                    { label: "Suspended", value: <DateTime value={reseller.suspendedAt} /> },
                    { label: "Reason", value: reseller.suspendReason ?? "—" },
                  ]
                : []),
            ]}
          />
          {canWrite && reseller.status === "active" && (
            <ActionForm
              action={suspend}
              hidden={{ resellerId: reseller.id }}
              submitLabel="Suspend reseller"
              variant="danger"
              className="mt-4"
              confirm={`Suspend ${reseller.displayName}? Its storefront stops selling and its console becomes read-only.`}
            >
              <label htmlFor="suspend-reason" className="block text-sm font-medium text-slate-800">
                Reason (the reseller sees it)
              </label>
              <textarea
                id="suspend-reason"
                name="reason"
                rows={3}
                required
                minLength={5}
                className={controlClasses(false)}
              />
            </ActionForm>
          )}
          {canWrite && reseller.status === "suspended" && (
            <ActionForm
              action={reactivate}
              hidden={{ resellerId: reseller.id }}
              submitLabel="Reactivate reseller"
              className="mt-4"
            />
          )}
        </Card>
        <Card title="Branding">
          <DetailList
            items={[
              { label: "Tagline", value: branding.tagline || "—" },
              {
                label: "Colours",
                value: (
                  <span className="flex flex-wrap gap-3">
                    <Swatch color={branding.primaryColor} label="Primary" />
                    <Swatch color={branding.accentColor} label="Accent" />
                    <Swatch color={branding.backgroundColor} label="Background" />
                    <Swatch color={branding.textColor} label="Text" />
                  </span>
                ),
              },
              { label: "Font", value: isFontChoice(branding.font) ? FONT_LABELS[branding.font] : branding.font },
              { label: "Logo", value: branding.logoMime ? "Uploaded" : "None" },
              {
                label: "Support",
                value: `${branding.supportEmail}${branding.supportPhone ? ` · ${branding.supportPhone}` : ""}`,
              },
            ]}
          />
        </Card>
        <Card title="Host names">
          <ul className="space-y-2 text-sm">
            {hosts.map((h) => (
              <li key={h.id} className="flex flex-wrap items-center gap-2">
                <span className="font-mono">{h.host}</span>
                <StatusBadge status={h.verifiedAt ? "verified" : "unverified"} />
                <span className="text-slate-600">{h.kind}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Staff">
          <ul className="space-y-2 text-sm">
            {staff.members.map((m) => (
              <li key={m.id}>
                {m.user.name} · {m.user.email} · <span className="font-medium">{ROLE_LABELS[m.role]}</span>
              </li>
            ))}
            {staff.invitations.map((i) => (
              <li key={i.id} className="text-slate-600">
                Invited: {i.email} · {ROLE_LABELS[i.role]} (expires <DateTime value={i.expiresAt} />)
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <Card title="Status history" className="mt-6">
        <ActivityList entries={history.items} area="registrar" names={{ [reseller.id]: reseller.displayName }} />
      </Card>
    </>
  );
}
