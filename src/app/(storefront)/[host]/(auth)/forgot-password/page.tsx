/** Ask for a reset link for this storefront's account. */
import type { Metadata } from "next";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { ForgotPasswordForm } from "@/components/auth-forms";
import { loadStorefront } from "../../_lib/storefront";
import { requestStorefrontPasswordReset } from "../actions";

export const metadata: Metadata = { title: "Reset your password" };

export default async function StorefrontForgotPasswordPage({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  return (
    <AuthPanel
      title="Reset your password"
      intro={`Enter the email of your ${storefront.displayName} account and we will send you a link to choose a new password.`}
      footer={<AuthLink href="/sign-in">Back to sign in</AuthLink>}
    >
      <ForgotPasswordForm action={requestStorefrontPasswordReset} variant="brand" />
    </AuthPanel>
  );
}
