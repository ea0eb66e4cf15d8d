/** The reseller console frame: navigation, who is signed in, and why the console may be read-only. */
import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleShell } from "@/components/console-shell";
import { RESELLER_CONSOLE_NAME, titleTemplate } from "@/lib/page-title";
import { statusWords } from "@/lib/status-words";
import { Notice } from "@/components/notice";
import { SignOutButton } from "@/components/sign-out-button";
import { agreementStanding } from "@/server/reseller-agreements/agreement-status";
import { openIncidentsForBanner } from "@/server/status/open-incidents";
import { IncidentBanner } from "@/components/incident-banner";
import { loadConsole } from "./_lib/console-session";
import { RESELLER_NAV } from "./nav-items";

export const metadata: Metadata = { title: titleTemplate(RESELLER_CONSOLE_NAME) };

export default async function ResellerConsoleLayout({ children }: { children: React.ReactNode }) {
  const session = await loadConsole();
  const { reseller } = session;
  const [agreement, incidents] = await Promise.all([agreementStanding(reseller.id), openIncidentsForBanner()]);
  const banners = (
    <>
      <IncidentBanner incidents={incidents} />
      {reseller.status !== "active" && (
        <Notice
          tone="danger"
          title={`${reseller.displayName} is ${statusWords(reseller.status).label.toLowerCase()}: the console is read-only`}
          role="status"
        >
          Your storefront shows a &ldquo;temporarily unavailable&rdquo; notice and takes no orders.
          {reseller.suspendReason && <> Reason given by the registrar: {reseller.suspendReason}</>}
        </Notice>
      )}
      {(agreement.state === "due" || agreement.state === "overdue") && (
        <Notice
          tone={agreement.state === "overdue" ? "danger" : "warning"}
          title={
            agreement.state === "overdue"
              ? `Reseller agreement ${agreement.version} is overdue: the console is read-only until an owner accepts it`
              : `A new reseller agreement (${agreement.version}) needs an owner's acceptance by ${agreement.acceptBy.toISOString().slice(0, 10)}`
          }
          role="status"
        >
          <Link className="font-medium underline" href="/console/agreement">
            Read and accept the agreement
          </Link>
        </Notice>
      )}
      {reseller.status === "active" && !session.isManager && (
        <Notice tone="info" title="View only" role="status">
          As {session.roleLabel.toLowerCase()} staff you can see these settings; an owner or admin can change them.
        </Notice>
      )}
    </>
  );
  return (
    <ConsoleShell
      consoleName={RESELLER_CONSOLE_NAME}
      homeHref="/console"
      tenantName={reseller.displayName}
      person={{ name: session.name, email: session.email, roleLabel: session.roleLabel }}
      nav={RESELLER_NAV}
      signOut={<SignOutButton />}
      banners={banners}
    >
      {children}
    </ConsoleShell>
  );
}
