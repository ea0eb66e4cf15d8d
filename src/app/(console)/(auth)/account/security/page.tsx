/**
 * Two-factor sign-in for console staff: set up an authenticator app (required for registrar staff
 * and reseller owners and admins, who are sent through set-up at sign-in anyway; optional for
 * others), or turn it off with the password and a code. With it on, passkeys can be added beside it
 * (docs/decisions/096-passkeys.md), named and removed.
 */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { DisableTotpForm, EnrolTotpForm } from "@/components/two-factor-forms";
import { PasskeyList } from "@/components/passkey-list";
import { AddPasskeyForm } from "@/components/passkey-forms";
import { env } from "@/env";
import { db } from "@/server/db";
import { getSession } from "@/server/auth/require-context";
import { listPasskeys } from "@/server/auth/passkeys/manage-passkeys";
import { relyingPartyFor } from "@/server/auth/passkeys/relying-party";
import { pendingTotpEnrolment } from "@/server/auth/second-factor/enrol-totp";
import {
  addRegistrarStaffPasskey,
  addResellerStaffPasskey,
  disableRegistrarStaffTwoFactor,
  disableResellerStaffTwoFactor,
  enableRegistrarStaffTwoFactor,
  enableResellerStaffTwoFactor,
  removeRegistrarStaffPasskey,
  removeResellerStaffPasskey,
  renameRegistrarStaffPasskey,
  renameResellerStaffPasskey,
  startRegistrarStaffPasskey,
  startResellerStaffPasskey,
} from "../actions";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function ConsoleSecurityPage() {
  const session = await getSession();
  if (!session || session.ctx.kind === "registrant") redirect("/sign-in?next=/account/security");
  const registrar = session.ctx.kind === "registrar";
  const pending = await pendingTotpEnrolment(session.ctx.actorId);
  const remaining = pending ? 0 : await db.recoveryCode.count({ where: { userId: session.ctx.actorId, usedAt: null } });
  const passkeys = pending ? [] : await listPasskeys(session.ctx.actorId, relyingPartyFor(env().CONSOLE_HOST).rpID);
  return (
    <AuthPanel
      title="Two-factor sign-in"
      intro={`Signed in as ${session.name} (${session.email}).`}
      footer={<AuthLink href="/account/password">Back to password and sessions</AuthLink>}
    >
      {pending ? (
        <EnrolTotpForm
          action={registrar ? enableRegistrarStaffTwoFactor : enableResellerStaffTwoFactor}
          pending={pending}
        />
      ) : (
        <div className="space-y-4">
          <p role="status" className="text-sm">
            Two-factor sign-in is on. You have {remaining} unused recovery {remaining === 1 ? "code" : "codes"}.
          </p>
          <p className="text-sm text-slate-600">
            Turning it off ends your other sessions. If your role requires a second factor, you will set up a new one at
            your next sign-in.
          </p>
          <DisableTotpForm action={registrar ? disableRegistrarStaffTwoFactor : disableResellerStaffTwoFactor} />
          <section aria-labelledby="passkeys-heading" className="space-y-3 border-t border-slate-200 pt-4">
            <h2 id="passkeys-heading" className="text-base font-semibold">
              Passkeys
            </h2>
            <p className="text-sm text-slate-600">
              A passkey on your phone, computer or security key can be used instead of a code at sign-in. Your
              authenticator app and recovery codes keep working beside it.
            </p>
            <PasskeyList
              passkeys={passkeys}
              rename={registrar ? renameRegistrarStaffPasskey : renameResellerStaffPasskey}
              remove={registrar ? removeRegistrarStaffPasskey : removeResellerStaffPasskey}
            />
            <AddPasskeyForm
              start={registrar ? startRegistrarStaffPasskey : startResellerStaffPasskey}
              add={registrar ? addRegistrarStaffPasskey : addResellerStaffPasskey}
            />
          </section>
        </div>
      )}
    </AuthPanel>
  );
}
