/** Choose a new password from a mailed link; the link works only on the storefront that sent it. */
import type { Metadata } from "next";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { ResetPasswordForm } from "@/components/auth-forms";
import { Notice } from "@/components/notice";
import { INVALID_RESET_LINK, isResetTokenValid } from "@/server/auth/reset-password";
import { loadStorefront } from "../../../_lib/storefront";
import { resetStorefrontPassword } from "../../actions";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function StorefrontResetPasswordPage({
  params,
}: {
  params: Promise<{ host: string; token: string }>;
}) {
  const { host, token } = await params;
  const storefront = await loadStorefront(host);
  const valid = await isResetTokenValid(
    { kind: "registrant", resellerId: storefront.id, host: storefront.host },
    token,
  );
  return (
    <AuthPanel title="Choose a new password" footer={<AuthLink href="/sign-in">Back to sign in</AuthLink>}>
      {valid ? (
        <ResetPasswordForm action={resetStorefrontPassword} variant="brand" token={token} />
      ) : (
        <div className="space-y-4">
          <Notice tone="warning" role="alert">
            {INVALID_RESET_LINK}
          </Notice>
          <AuthLink href="/forgot-password">Ask for a new link</AuthLink>
        </div>
      )}
    </AuthPanel>
  );
}
