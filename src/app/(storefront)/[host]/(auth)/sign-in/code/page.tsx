/**
 * The code step of a storefront sign-in, for registrants who turned two-factor sign-in on; a
 * registrant with a passkey made on this storefront may use it instead (decision 120).
 */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { SignInCodeForm } from "@/components/two-factor-forms";
import { SignInPasskeyButton } from "@/components/passkey-forms";
import { storefrontSignInOffersPasskey } from "@/server/auth/registrant-second-factor/storefront-passkey-sign-in";
import { readChallengeCookie } from "@/server/auth/second-factor/challenge-cookie";
import { storefrontCodeStepOpen } from "@/server/auth/registrant-second-factor/storefront-sign-in";
import { currentStorefrontHost } from "@/server/auth/request-host";
import { loadStorefront } from "../../../_lib/storefront";
import { startStorefrontSignInPasskey, verifyStorefrontSignInCode, verifyStorefrontSignInPasskey } from "../../actions";

export const metadata: Metadata = { title: "Enter your code" };

export default async function StorefrontSignInCodePage({ params }: { params: Promise<{ host: string }> }) {
  const segment = (await params).host;
  const host = await currentStorefrontHost(segment);
  const token = await readChallengeCookie();
  if (!storefrontCodeStepOpen(token, host)) redirect("/sign-in");
  const passkey = await storefrontSignInOffersPasskey(token, host, (await loadStorefront(segment)).id);
  return (
    <AuthPanel
      title="Enter the 6-digit code"
      intro="Open your authenticator app and enter the code it shows for this account. Lost your phone? Enter one of your recovery codes."
      footer={<AuthLink href="/sign-in">Start again</AuthLink>}
    >
      <SignInCodeForm action={verifyStorefrontSignInCode} />
      {passkey && (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <SignInPasskeyButton start={startStorefrontSignInPasskey} verify={verifyStorefrontSignInPasskey} />
        </div>
      )}
    </AuthPanel>
  );
}
