/** Ask for a password reset link for a console account. */
import type { Metadata } from "next";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { ForgotPasswordForm } from "@/components/auth-forms";
import { requestConsolePasswordReset } from "../actions";

export const metadata: Metadata = { title: "Reset your password" };

export default function ConsoleForgotPasswordPage() {
  return (
    <AuthPanel
      title="Reset your password"
      intro="Enter the email of your console account and we will send you a link to choose a new password."
      footer={<AuthLink href="/sign-in">Back to sign in</AuthLink>}
    >
      <ForgotPasswordForm action={requestConsolePasswordReset} />
    </AuthPanel>
  );
}
