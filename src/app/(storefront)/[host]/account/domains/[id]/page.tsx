/** One of the registrant's domains: its details, every action they may take, and its history. */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSession } from "@/server/auth/require-context";
import { isAppError } from "@/server/errors";
import { getDomainDetail } from "@/server/domains/queries/get-domain-detail";
import { DomainStateBadge } from "@/app/(console)/console/domains/_components/domain-state-badge";
import { HistoryTable } from "@/app/(console)/console/domains/_components/history-table";
import { ManagePanel } from "@/app/(console)/console/domains/_components/manage-panel";
import { loadStorefront } from "../../../_lib/storefront";
import * as a from "../actions";
import { getDomainContacts } from "@/server/domains/manage/contacts/get-domain-contacts";
import { ContactsPanel } from "@/app/(console)/console/domains/[id]/_components/contacts-panel";
import { cancelOwnRegistrantChange, updateOwnContact } from "./_components/contacts-actions";
import { getVerificationStatus } from "@/server/contact-verification/get-verification-status";
import { VerificationPanel } from "@/app/(console)/console/domains/[id]/_components/verification-panel";
import { resendOwnVerification } from "./_components/verification-actions";
import { pendingRevealsForDomain } from "@/server/privacy-proxy/reveal/list-reveal-requests";
import { platformNow } from "@/server/domains/lifecycle/clock";
import { RevealPanel } from "./_components/reveal-panel";

export const metadata: Metadata = { title: "Domain" };

export default async function AccountDomainPage({ params }: { params: Promise<{ host: string; id: string }> }) {
  const p = await params;
  await loadStorefront(p.host);
  const { ctx } = await requireSession("storefront", { next: "/account/domains" });
  const d = await getDomainDetail(ctx, p.id, { historyLimit: 50 }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const contacts = await getDomainContacts(ctx, d.domain.id);
  const verification = await getVerificationStatus(ctx, d.domain.id);
  const reveals = await pendingRevealsForDomain(ctx, d.domain.id);
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-10 text-slate-900 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{d.domain.unicodeName}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm">
            <DomainStateBadge state={d.domain.state} /> Expires {d.domain.expiresAt?.toISOString().slice(0, 10) ?? "—"}
          </p>
        </div>
        <Link href="/account/domains" className="underline underline-offset-4">
          All your domains
        </Link>
      </div>
      <RevealPanel requests={reveals} now={platformNow()} />
      <VerificationPanel
        domainId={d.domain.id}
        status={verification}
        resend={resendOwnVerification}
        audience="registrant"
      />
      <ManagePanel
        domain={d.domain}
        hosts={d.hosts}
        payLabel="You pay at checkout."
        actions={{
          renew: a.renewOwnDomain,
          restore: a.restoreOwnDomain,
          autoRenew: a.autoRenewOwn,
          privacy: a.privacyOwn,
          lock: a.lockOwn,
          nameservers: a.nameserversOwn,
          ds: a.dsOwn,
          revealAuth: a.revealOwnAuth,
          resetAuth: a.resetOwnAuth,
          transferAnswer: a.answerOwnTransfer,
          remove: a.deleteOwnDomain,
        }}
      />
      <ContactsPanel data={contacts} actions={{ update: updateOwnContact, cancel: cancelOwnRegistrantChange }} />
      <section aria-labelledby="history">
        <h2 id="history" className="mb-3 text-lg font-semibold">
          History
        </h2>
        <HistoryTable operations={d.operations} />
      </section>
    </div>
  );
}
