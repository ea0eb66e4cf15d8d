/** Storefront sign-in: accounts of this reseller only. Signed-in customers go to their account. */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { SignInForm } from "@/components/auth-forms";
import { Notice } from "@/components/notice";
import { getSession, safeNextPath } from "@/server/auth/require-context";
import { loadStorefront } from "../../_lib/storefront";
import { signInToStorefront } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

type Props = { params: Promise<{ host: string }>; searchParams: Promise<{ next?: string; reset?: string }> };

export default async function StorefrontSignInPage({ params, searchParams }: Props) {
  const storefront = await loadStorefront((await params).host);
  const { next, reset } = await searchParams;
  if (await getSession()) redirect("/account");
  return (
    <AuthPanel
      title={`Sign in to ${storefront.displayName}`}
      footer={
        <>
          <p>
            <AuthLink href="/forgot-password">Forgot your password?</AuthLink>
          </p>
          <p>
            New here? <AuthLink href="/register">Create an account</AuthLink>
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
      <SignInForm action={signInToStorefront} variant="brand" next={safeNextPath(next) ?? undefined} />
    </AuthPanel>
  );
}
