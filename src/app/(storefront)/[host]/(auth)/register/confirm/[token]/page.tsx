/** Finish opening an account from the mailed link: the password chosen at sign-up, asked again. */
import type { Metadata } from "next";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { FinishRegistrationForm } from "@/components/auth-forms";
import { Notice } from "@/components/notice";
import { INVALID_REGISTRATION_LINK, isRegistrationLinkValid } from "@/server/auth/finish-registration";
import { loadStorefront } from "../../../../_lib/storefront";
import { finishStorefrontRegistration } from "../../../actions";

export const metadata: Metadata = { title: "Open your account" };

export default async function FinishRegistrationPage({ params }: { params: Promise<{ host: string; token: string }> }) {
  const { host, token } = await params;
  const storefront = await loadStorefront(host);
  const valid = await isRegistrationLinkValid(storefront.id, token);
  return (
    <AuthPanel
      title={`Open your ${storefront.displayName} account`}
      footer={<AuthLink href="/sign-in">Sign in instead</AuthLink>}
    >
      {valid ? (
        <FinishRegistrationForm action={finishStorefrontRegistration} token={token} />
      ) : (
        <div className="space-y-4">
          <Notice tone="warning" role="alert">
            {INVALID_REGISTRATION_LINK}
          </Notice>
          <AuthLink href="/register">Sign up again</AuthLink>
        </div>
      )}
    </AuthPanel>
  );
}
