/** The code step of a storefront sign-in, for registrants who turned two-factor sign-in on. */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { SignInCodeForm } from "@/components/two-factor-forms";
import { readChallengeCookie } from "@/server/auth/second-factor/challenge-cookie";
import { storefrontCodeStepOpen } from "@/server/auth/registrant-second-factor/storefront-sign-in";
import { currentStorefrontHost } from "@/server/auth/request-host";
import { verifyStorefrontSignInCode } from "../../actions";

export const metadata: Metadata = { title: "Enter your code" };

export default async function StorefrontSignInCodePage({ params }: { params: Promise<{ host: string }> }) {
  const host = await currentStorefrontHost((await params).host);
  if (!storefrontCodeStepOpen(await readChallengeCookie(), host)) redirect("/sign-in");
  return (
    <AuthPanel
      title="Enter the 6-digit code"
      intro="Open your authenticator app and enter the code it shows for this account. Lost your phone? Enter one of your recovery codes."
      footer={<AuthLink href="/sign-in">Start again</AuthLink>}
    >
      <SignInCodeForm action={verifyStorefrontSignInCode} />
    </AuthPanel>
  );
}
