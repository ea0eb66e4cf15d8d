/** Console sign-in for reseller staff and registrar staff. Signed-in visitors go straight to their console. */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { SignInForm } from "@/components/auth-forms";
import { Notice } from "@/components/notice";
import { getSession, homeOf, safeNextPath } from "@/server/auth/require-context";
import { signInToConsole } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string; reset?: string }> };

export default async function ConsoleSignInPage({ searchParams }: Props) {
  const { next, reset } = await searchParams;
  const session = await getSession();
  if (session) redirect(homeOf(session.ctx));
  return (
    <AuthPanel
      title="Sign in to your console"
      intro="For reseller staff and registrar staff. Customers sign in on their reseller's storefront."
      footer={
        <>
          <p>
            <AuthLink href="/forgot-password">Forgot your password?</AuthLink>
          </p>
          <p className="text-slate-600">
            Not a reseller yet? <AuthLink href="/apply">Apply to become one</AuthLink>
          </p>
        </>
      }
    >
      {reset === "1" && (
        <div className="mb-4">
          <Notice tone="success" role="status">
            Your password has been changed. Sign in with the new one.
          </Notice>
        </div>
      )}
      <SignInForm action={signInToConsole} next={safeNextPath(next) ?? undefined} />
    </AuthPanel>
  );
}
