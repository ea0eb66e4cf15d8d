/** Choose a new console password from a mailed link; a spent or expired link says so. */
import type { Metadata } from "next";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { ResetPasswordForm } from "@/components/auth-forms";
import { Notice } from "@/components/notice";
import { INVALID_RESET_LINK, isResetTokenValid } from "@/server/auth/reset-password";
import { resetConsolePassword } from "../../actions";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ConsoleResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = await isResetTokenValid({ kind: "user" }, token);
  return (
    <AuthPanel title="Choose a new password" footer={<AuthLink href="/sign-in">Back to sign in</AuthLink>}>
      {valid ? (
        <ResetPasswordForm action={resetConsolePassword} token={token} />
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
