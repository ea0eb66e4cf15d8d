/**
 * The registrant's account on this storefront: profile, password, optional two-factor sign-in with
 * passkeys beside it (decision 120), sessions, sign-out.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm, ConfirmActionForm } from "@/components/auth-forms";
import { SessionList } from "@/components/session-list";
import { DisableTotpForm, EnrolTotpForm } from "@/components/two-factor-forms";
import { pendingRegistrantTotp } from "@/server/auth/registrant-second-factor/registrant-totp";
import { SignOutButton } from "@/components/sign-out-button";
import { PasskeyList } from "@/components/passkey-list";
import { AddPasskeyForm } from "@/components/passkey-forms";
import { listOwnPasskeys } from "@/server/auth/passkeys/manage-passkeys";
import { relyingPartyFor } from "@/server/auth/passkeys/relying-party";
import { listSessions } from "@/server/auth/list-sessions";
import { requireSession } from "@/server/auth/require-context";
import { loadStorefront } from "../_lib/storefront";
import { ProfileForm } from "./_components/profile-form";
import {
  addRegistrantPasskey,
  changeRegistrantPassword,
  disableRegistrantTwoFactor,
  enableRegistrantTwoFactor,
  removeRegistrantPasskey,
  renameRegistrantPasskey,
  revokeRegistrantSession,
  signOutRegistrantEverywhere,
  startRegistrantPasskey,
  updateRegistrantProfile,
} from "./actions";

export const metadata: Metadata = { title: "Your account" };

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-sm">
      <h2 id={id} className="mb-4 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AccountPage({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  const session = await requireSession("storefront", { next: "/account" });
  const sessions = await listSessions(session.ctx);
  const pendingTotp = await pendingRegistrantTotp({ id: session.ctx.actorId, email: session.email });
  const passkeys = pendingTotp ? [] : await listOwnPasskeys(session.ctx, relyingPartyFor(storefront.host).rpID);
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
          <p className="mt-1 opacity-90">
            {session.name} · {session.email} · {storefront.displayName}
          </p>
          <p className="mt-2 flex flex-wrap gap-4">
            <Link href="/account/domains" className="font-semibold underline underline-offset-4">
              Your domains
            </Link>
            <Link href="/orders" className="font-semibold underline underline-offset-4">
              Your orders
            </Link>
            <Link href="/account/marks" className="font-semibold underline underline-offset-4">
              Your trademarks
            </Link>
          </p>
        </div>
        <SignOutButton variant="brand" />
      </div>
      <Panel id="profile" title="Profile">
        <ProfileForm action={updateRegistrantProfile} name={session.name} email={session.email} />
      </Panel>
      <Panel id="password" title="Change password">
        <ChangePasswordForm action={changeRegistrantPassword} variant="brand" />
      </Panel>
      <Panel id="two-factor" title="Two-factor sign-in">
        {pendingTotp ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">
              Optional: with it on, signing in also asks for a code from an authenticator app on your phone.
            </p>
            <EnrolTotpForm action={enableRegistrantTwoFactor} pending={pendingTotp} />
          </div>
        ) : (
          <div className="space-y-3">
            <p role="status" className="text-sm">
              Two-factor sign-in is on. Turning it off ends your other sessions.
            </p>
            <DisableTotpForm action={disableRegistrantTwoFactor} />
          </div>
        )}
      </Panel>
      <Panel id="passkeys" title="Passkeys">
        {pendingTotp ? (
          <p className="text-sm text-slate-600">
            Turn on two-factor sign-in first; then you can add a passkey on your phone, computer or security key beside
            it.
          </p>
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">
              A passkey can be used instead of a code when you sign in to {storefront.displayName}. Your authenticator
              app and recovery codes keep working beside it.
            </p>
            <PasskeyList passkeys={passkeys} rename={renameRegistrantPasskey} remove={removeRegistrantPasskey} />
            <AddPasskeyForm start={startRegistrantPasskey} add={addRegistrantPasskey} />
          </div>
        )}
      </Panel>
      <Panel id="sessions" title="Sessions">
        <SessionList sessions={sessions} currentId={session.sessionId} revoke={revokeRegistrantSession} />
        <p className="mt-4 mb-3 text-sm text-slate-600">
          Sign out everywhere ends every session of your account, on this device and all others.
        </p>
        <ConfirmActionForm
          action={signOutRegistrantEverywhere}
          label="Sign out everywhere"
          pendingLabel="Signing out…"
        />
      </Panel>
    </div>
  );
}
