/**
 * Enrolment owed at sign-in: the account's role requires a second factor and it has none. Only the
 * enrolment challenge of a right password opens this page; the session starts once a code confirms.
 */
import type { Metadata } from "next";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { EnrolTotpForm } from "@/components/two-factor-forms";
import { signInEnrolment } from "@/server/auth/second-factor/console-sign-in";
import { readChallengeCookie } from "@/server/auth/second-factor/challenge-cookie";
import { confirmConsoleSignInTwoFactor } from "../../actions";

export const metadata: Metadata = { title: "Set up two-factor sign-in" };

export default async function SignInTwoFactorSetupPage() {
  const setup = await signInEnrolment(await readChallengeCookie());
  return (
    <AuthPanel
      title="Set up two-factor sign-in"
      intro={
        setup
          ? `Your role needs a second factor. Set up an authenticator app for ${setup.email} to finish signing in.`
          : "Your role needs a second factor to sign in."
      }
      footer={<AuthLink href="/sign-in">Start again</AuthLink>}
    >
      <EnrolTotpForm
        action={confirmConsoleSignInTwoFactor}
        pending={setup && { secret: setup.secret, uri: setup.uri }}
      />
    </AuthPanel>
  );
}
