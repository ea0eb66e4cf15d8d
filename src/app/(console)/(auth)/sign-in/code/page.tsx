/** The second step of a console sign-in: only a right password (its challenge cookie) leads here. */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { SignInCodeForm } from "@/components/two-factor-forms";
import { openChallenge } from "@/server/auth/second-factor/challenge";
import { readChallengeCookie } from "@/server/auth/second-factor/challenge-cookie";
import { SignInPasskeyButton } from "@/components/passkey-forms";
import { env } from "@/env";
import { signInOffersPasskey } from "@/server/auth/passkeys/sign-in-with-passkey";
import { startConsoleSignInPasskey, verifyConsoleSignInCode, verifyConsoleSignInPasskey } from "../../actions";

export const metadata: Metadata = { title: "Enter your code" };

export default async function SignInCodePage() {
  const token = await readChallengeCookie();
  if (!openChallenge(token, "code")) redirect("/sign-in");
  const passkey = await signInOffersPasskey(token, env().CONSOLE_HOST);
  return (
    <AuthPanel
      title="Enter the 6-digit code"
      intro="Open your authenticator app and enter the code it shows for this account. Lost your phone? Enter one of your recovery codes."
      footer={<AuthLink href="/sign-in">Start again</AuthLink>}
    >
      <SignInCodeForm action={verifyConsoleSignInCode} />
      {passkey && (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <SignInPasskeyButton start={startConsoleSignInPasskey} verify={verifyConsoleSignInPasskey} />
        </div>
      )}
    </AuthPanel>
  );
}
