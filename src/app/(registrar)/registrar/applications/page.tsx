/** Reseller applications: pending first, with approve and decline (with a reason) for admins. */
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { Card, DetailList } from "@/components/card";
import { EmptyState } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { controlClasses } from "@/components/form-field";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
import { pageParam } from "@/lib/pagination";
import { listResellerApplications } from "@/server/tenancy/list-reseller-applications";
import { approveApplication, declineApplication } from "../_lib/registrar-actions";
import { loadRegistrar } from "../_lib/registrar-session";

export const metadata: Metadata = { title: "Applications" };

const FILTERS = [
  { value: undefined, label: "All" },
  { value: "pending", label: "Pending" },
  { value: "approved", label: "Approved" },
  { value: "declined", label: "Declined" },
] as const;

type Search = { status?: string; page?: string };

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { ctx, canWrite } = await loadRegistrar();
  const sp = await searchParams;
  const status = FILTERS.find((f) => f.value === sp.status)?.value;
  const list = await listResellerApplications(ctx, { status, page: pageParam(sp.page) });
  return (
    <>
      <PageHeader
        title="Reseller applications"
        description="Approving creates the reseller, its storefront address and an owner invitation for the contact person."
      />
      <nav aria-label="Filter applications" className="mb-4 flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <Link
            key={f.label}
            href={f.value ? `/registrar/applications?status=${f.value}` : "/registrar/applications"}
            aria-current={status === f.value ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${status === f.value ? "border-indigo-600 bg-indigo-50 text-indigo-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {list.items.length === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white">
          <EmptyState title="No applications here" />
        </div>
      ) : (
        <ul className="space-y-4">
          {list.items.map((a) => (
            <li key={a.id}>
              <Card
                title={a.companyName}
                description={`Applied ${a.createdAt.toISOString().slice(0, 10)} · wants “${a.desiredSlug}”`}
                actions={<StatusBadge status={a.status} />}
              >
                <DetailList
                  items={[
                    { label: "Contact", value: `${a.contactName} · ${a.contactEmail} · ${a.contactPhone}` },
                    { label: "Country", value: a.country },
                    { label: "Website", value: a.website || "—" },
                    { label: "Expected volume", value: `${a.expectedVolume.toLocaleString("en-US")} domains a month` },
                    {
                      label: "Agreement",
                      value: `version ${a.agreementVersion}, accepted ${a.acceptedAt.toISOString().slice(0, 10)}`,
                    },
                    ...(a.decidedAt ? [{ label: "Decided", value: <DateTime value={a.decidedAt} /> }] : []),
                    ...(a.declineReason ? [{ label: "Reason", value: a.declineReason }] : []),
                    ...(a.reseller
                      ? [
                          {
                            label: "Reseller",
                            value: (
                              <Link
                                className="text-indigo-700 underline underline-offset-4"
                                href={`/registrar/resellers/${a.reseller.id}`}
                              >
                                {a.reseller.displayName}
                              </Link>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
                {canWrite && a.status === "pending" && (
                  <div className="mt-5 grid gap-4 border-t border-slate-100 pt-4 md:grid-cols-2">
                    <ActionForm
                      action={approveApplication}
                      hidden={{ applicationId: a.id }}
                      submitLabel={`Approve ${a.companyName}`}
                      pendingLabel="Approving…"
                      confirm={`Approve ${a.companyName} as reseller "${a.desiredSlug}"?`}
                      success="Approved. The owner invitation is in the mail outbox."
                    />
                    <ActionForm
                      action={declineApplication}
                      hidden={{ applicationId: a.id }}
                      submitLabel="Decline"
                      variant="danger"
                      pendingLabel="Declining…"
                    >
                      <label htmlFor={`reason-${a.id}`} className="block text-sm font-medium text-slate-800">
                        Reason for declining (sent to the applicant)
                      </label>
                      <textarea
                        id={`reason-${a.id}`}
                        name="reason"
                        rows={3}
                        required
                        minLength={10}
                        className={controlClasses(false)}
                      />
                    </ActionForm>
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        basePath="/registrar/applications"
        params={{ status }}
      />
    </>
  );
}
