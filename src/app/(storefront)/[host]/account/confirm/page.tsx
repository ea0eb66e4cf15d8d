/**
 * "Confirm it's you" on a storefront (decisions 072, 120): the registrant re-enters the password, and
 * a code or a passkey made on this storefront when two-factor sign-in is on, before changes that want
 * a recent proof (adding or removing a passkey). Success goes back to `next`, a same-origin path.
 */
import type { Metadata } from "next";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { ConfirmPasskeyButton } from "@/components/passkey-forms";
import { ConfirmIdentityForm } from "@/components/two-factor-forms";
import { safeNextPath } from "@/lib/safe-next-path";
import { registrantConfirmSteps } from "@/server/auth/registrant-second-factor/confirm-registrant";
import { requireSession } from "@/server/auth/require-context";
import { loadStorefront } from "../../_lib/storefront";
import {
  confirmRegistrantIdentityAction,
  confirmRegistrantIdentityWithPasskey,
  startRegistrantConfirmPasskey,
} from "../actions";

export const metadata: Metadata = { title: "Confirm it's you" };

type Props = { params: Promise<{ host: string }>; searchParams: Promise<{ next?: string }> };

export default async function StorefrontConfirmIdentityPage({ params, searchParams }: Props) {
  const storefront = await loadStorefront((await params).host);
  const { next: raw } = await searchParams;
  const here = `/account/confirm${raw ? `?next=${encodeURIComponent(raw)}` : ""}`;
  const session = await requireSession("storefront", { next: here });
  const next = safeNextPath(raw) ?? "/account";
  const { askCode, passkey } = await registrantConfirmSteps(session.ctx, storefront.host);
  return (
    <AuthPanel
      title="Confirm it's you"
      intro={`Signed in as ${session.name} (${session.email}). This change needs you to confirm it's you${askCode ? " with your password and a code" : " with your password"}.`}
      footer={<AuthLink href={next}>Cancel</AuthLink>}
    >
      <ConfirmIdentityForm
        action={confirmRegistrantIdentityAction}
        next={next}
        askCode={askCode}
        passkey={
          passkey && (
            <ConfirmPasskeyButton
              start={startRegistrantConfirmPasskey}
              confirm={confirmRegistrantIdentityWithPasskey}
              next={next}
            />
          )
        }
      />
    </AuthPanel>
  );
}
