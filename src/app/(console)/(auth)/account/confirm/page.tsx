/**
 * "Confirm it's you" (docs/decisions/072-reauthentication.md): console staff re-enter their password,
 * and a code (or a passkey, decision 109) when they have two-factor sign-in, before changes that want
 * a recent proof. Success goes back to `next`, which must be a same-origin path.
 */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { ConfirmIdentityForm } from "@/components/two-factor-forms";
import { ConfirmPasskeyButton } from "@/components/passkey-forms";
import { env } from "@/env";
import { safeNextPath } from "@/lib/safe-next-path";
import { db } from "@/server/db";
import { getSession, homeOf } from "@/server/auth/require-context";
import { confirmOffersPasskey } from "@/server/auth/passkeys/confirm-with-passkey";
import {
  confirmRegistrarStaffIdentity,
  confirmRegistrarStaffIdentityWithPasskey,
  confirmResellerStaffIdentity,
  confirmResellerStaffIdentityWithPasskey,
  startRegistrarStaffConfirmPasskey,
  startResellerStaffConfirmPasskey,
} from "../actions";

export const metadata: Metadata = { title: "Confirm it's you" };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function ConfirmIdentityPage({ searchParams }: Props) {
  const { next: raw } = await searchParams;
  const session = await getSession();
  const here = `/account/confirm${raw ? `?next=${encodeURIComponent(raw)}` : ""}`;
  if (!session || session.ctx.kind === "registrant") redirect(`/sign-in?next=${encodeURIComponent(here)}`);
  const next = safeNextPath(raw) ?? homeOf(session.ctx);
  const user = await db.user.findUniqueOrThrow({ where: { id: session.ctx.actorId }, select: { totpEnabledAt: true } });
  const askCode = user.totpEnabledAt !== null;
  const registrar = session.ctx.kind === "registrar";
  const passkey = askCode && (await confirmOffersPasskey(session.ctx.actorId, env().CONSOLE_HOST));
  return (
    <AuthPanel
      title="Confirm it's you"
      intro={`Signed in as ${session.name} (${session.email}). This change needs you to confirm it's you${askCode ? " with your password and a code" : " with your password"}.`}
      footer={<AuthLink href={next}>Cancel</AuthLink>}
    >
      <ConfirmIdentityForm
        action={registrar ? confirmRegistrarStaffIdentity : confirmResellerStaffIdentity}
        next={next}
        askCode={askCode}
        passkey={
          passkey && (
            <ConfirmPasskeyButton
              start={registrar ? startRegistrarStaffConfirmPasskey : startResellerStaffConfirmPasskey}
              confirm={registrar ? confirmRegistrarStaffIdentityWithPasskey : confirmResellerStaffIdentityWithPasskey}
              next={next}
            />
          )
        }
      />
    </AuthPanel>
  );
}
