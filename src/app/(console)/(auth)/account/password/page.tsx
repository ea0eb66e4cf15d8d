/**
 * Console staff's own security settings (reseller and registrar staff alike): change password after
 * re-entering the current one, see and revoke sessions, and sign out on every device.
 */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { ChangePasswordForm, ConfirmActionForm } from "@/components/auth-forms";
import { SessionList } from "@/components/session-list";
import { listSessions } from "@/server/auth/list-sessions";
import { getSession, homeOf } from "@/server/auth/require-context";
import {
  changeRegistrarStaffPassword,
  changeResellerStaffPassword,
  revokeRegistrarStaffSession,
  revokeResellerStaffSession,
  signOutRegistrarStaffEverywhere,
  signOutResellerStaffEverywhere,
} from "../actions";

export const metadata: Metadata = { title: "Password and sessions" };

export default async function ConsolePasswordPage() {
  const session = await getSession();
  if (!session) redirect("/sign-in?next=/account/password");
  const registrar = session.ctx.kind === "registrar";
  const home = homeOf(session.ctx);
  const sessions = await listSessions(session.ctx);
  return (
    <AuthPanel
      title="Password and sessions"
      intro={`Signed in as ${session.name} (${session.email}).`}
      footer={<AuthLink href={home}>Back to your console</AuthLink>}
    >
      <div className="space-y-8">
        <section aria-labelledby="change-password">
          <h2 id="change-password" className="mb-3 text-lg font-semibold">
            Change password
          </h2>
          <ChangePasswordForm action={registrar ? changeRegistrarStaffPassword : changeResellerStaffPassword} />
        </section>
        <section aria-labelledby="two-factor" className="border-t border-slate-200 pt-6">
          <h2 id="two-factor" className="mb-3 text-lg font-semibold">
            Two-factor sign-in
          </h2>
          <p className="text-sm">
            <AuthLink href="/account/security">Set up or turn off your authenticator app</AuthLink>
          </p>
        </section>
        <section aria-labelledby="sessions" className="border-t border-slate-200 pt-6">
          <h2 id="sessions" className="mb-3 text-lg font-semibold">
            Sessions
          </h2>
          <SessionList
            sessions={sessions}
            currentId={session.sessionId}
            revoke={registrar ? revokeRegistrarStaffSession : revokeResellerStaffSession}
          />
          <p className="mt-4 mb-3 text-sm text-slate-600">
            Sign out everywhere ends every session of your account, on this device and all others.
          </p>
          <ConfirmActionForm
            action={registrar ? signOutRegistrarStaffEverywhere : signOutResellerStaffEverywhere}
            label="Sign out everywhere"
            pendingLabel="Signing out…"
          />
        </section>
      </div>
    </AuthPanel>
  );
}
