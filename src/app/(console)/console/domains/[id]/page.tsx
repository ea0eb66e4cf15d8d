/** One domain in the reseller console: its state, every management action, and its full registry history. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, DetailList } from "@/components/card";
import { PageHeader } from "@/components/page-header";
import { orderItemKindWords, orderItemStateLabel } from "@/lib/order-item-words";
import { isAppError } from "@/server/errors";
import { getDomainDetail } from "@/server/domains/queries/get-domain-detail";
import { loadConsole } from "../../_lib/console-session";
import { DomainStateBadge } from "../_components/domain-state-badge";
import { HistoryTable } from "../_components/history-table";
import { ManagePanel } from "../_components/manage-panel";
import * as a from "../actions";
import { getDomainContacts } from "@/server/domains/manage/contacts/get-domain-contacts";
import { ContactsPanel } from "./_components/contacts-panel";
import { cancelRegistrantChangeAction, updateContactAction } from "./_components/contacts-actions";
import { getVerificationStatus } from "@/server/contact-verification/get-verification-status";
import { VerificationPanel } from "./_components/verification-panel";
import { resendVerificationAction } from "./_components/verification-actions";

export const metadata: Metadata = { title: "Domain" };

export default async function ConsoleDomainPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx } = await loadConsole();
  const detail = await getDomainDetail(ctx, (await params).id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { domain, hosts, operations, lifecycle, notices, orderItems, registrant } = detail;
  const canAct = ctx.role !== "billing";
  const contacts = await getDomainContacts(ctx, domain.id);
  const verification = await getVerificationStatus(ctx, domain.id);
  return (
    <>
      <PageHeader
        title={domain.unicodeName}
        description={
          <>
            State <DomainStateBadge state={domain.state} /> · .{domain.tld}
          </>
        }
        actions={
          <Link href="/console/domains" className="text-sm font-medium text-indigo-700 underline underline-offset-4">
            All domains
          </Link>
        }
      />
      <div className="space-y-6">
        <VerificationPanel
          domainId={domain.id}
          status={verification}
          resend={resendVerificationAction}
          canResend={canAct}
          audience="staff"
        />
        <Card title="Registration">
          <DetailList
            items={[
              { label: "Name (A-label)", value: domain.name },
              {
                label: "Customer",
                value: registrant ? (
                  <Link className="text-indigo-700 underline" href={`/console/customers/${registrant.id}`}>
                    {registrant.name} ({registrant.email})
                  </Link>
                ) : (
                  "Held by the reseller"
                ),
              },
              { label: "Registered", value: domain.registeredAt?.toISOString().slice(0, 10) ?? "—" },
              { label: "Expires", value: domain.expiresAt?.toISOString().slice(0, 10) ?? "—" },
              { label: "Registry statuses", value: domain.registryStatuses.join(", ") || "—" },
              {
                label: "Transfer lock until (policy)",
                value: domain.transferLockedUntil?.toISOString().slice(0, 10) ?? "—",
              },
              ...(lifecycle?.graceEndsAt
                ? [{ label: "Renewable until", value: lifecycle.graceEndsAt.toISOString().slice(0, 10) }]
                : []),
              ...(lifecycle?.redemptionEndsAt
                ? [{ label: "Restorable until", value: lifecycle.redemptionEndsAt.toISOString().slice(0, 10) }]
                : []),
              ...(lifecycle?.autoRenewFailure
                ? [{ label: "Last auto-renew problem", value: lifecycle.autoRenewFailure }]
                : []),
              {
                label: "Renewal notices sent",
                value: notices.length
                  ? notices
                      .map((n) => `${n.kind.replaceAll("_", " ")} (${n.sentAt.toISOString().slice(0, 10)})`)
                      .join(", ")
                  : "none",
              },
            ]}
          />
        </Card>
        {canAct && (
          <ManagePanel
            domain={domain}
            hosts={hosts}
            payLabel="Paid from your balance."
            actions={{
              renew: a.renewDomainAction,
              restore: a.restoreDomainAction,
              autoRenew: a.autoRenewAction,
              privacy: a.privacyAction,
              lock: a.lockAction,
              nameservers: a.nameserversAction,
              ds: a.dsAction,
              revealAuth: a.revealAuthAction,
              resetAuth: a.resetAuthAction,
              transferAnswer: a.transferAnswerAction,
              remove: a.deleteDomainAction,
            }}
          />
        )}
        <ContactsPanel
          data={contacts}
          canEdit={canAct}
          actions={{ update: updateContactAction, cancel: cancelRegistrantChangeAction }}
        />
        <Card title="Orders for this domain">
          {orderItems.length === 0 ? (
            <p className="text-sm text-slate-600">No orders yet.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {orderItems.map((i) => (
                <li key={i.id}>
                  {i.createdAt.toISOString().slice(0, 10)} · {orderItemKindWords(i.kind)} · {i.period} y ·{" "}
                  <strong>{orderItemStateLabel(i.state, "staff")}</strong>
                  {i.failureReason && <span className="text-red-800"> — {i.failureReason}</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <section aria-labelledby="history">
          <h2 id="history" className="mb-3 text-lg font-semibold text-slate-900">
            History
          </h2>
          <HistoryTable operations={operations} audience="staff" />
        </section>
      </div>
    </>
  );
}
