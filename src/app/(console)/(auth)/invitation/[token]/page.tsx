/** Accept an invitation to a reseller's console or the registrar console. */
import type { Metadata } from "next";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { AcceptInvitationForm } from "@/components/auth-forms";
import { Notice } from "@/components/notice";
import { describeInvitation, INVALID_INVITATION } from "@/server/auth/accept-invitation";
import { ROLE_LABELS } from "@/server/tenancy/staff-roles";
import { acceptConsoleInvitation } from "../../actions";

export const metadata: Metadata = { title: "Accept your invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(token);
  if (!invitation) {
    return (
      <AuthPanel title="Invitation not valid" footer={<AuthLink href="/sign-in">Go to sign in</AuthLink>}>
        <Notice tone="warning" role="alert">
          {INVALID_INVITATION}
        </Notice>
      </AuthPanel>
    );
  }
  const where = invitation.resellerName ?? "the registrar console";
  return (
    <AuthPanel
      title={`Join ${where}`}
      intro={
        <>
          You are invited as <strong className="text-slate-900">{ROLE_LABELS[invitation.role]}</strong> with the email{" "}
          <strong className="text-slate-900">{invitation.email}</strong>.
        </>
      }
    >
      <AcceptInvitationForm action={acceptConsoleInvitation} token={token} hasAccount={invitation.hasAccount} />
    </AuthPanel>
  );
}
