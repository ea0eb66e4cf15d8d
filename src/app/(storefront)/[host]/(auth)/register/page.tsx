/** Open a customer account on this storefront (a suspended store takes no new customers). */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLink, AuthPanel } from "@/components/auth-panel";
import { RegisterForm } from "@/components/auth-forms";
import { Notice } from "@/components/notice";
import { getSession } from "@/server/auth/require-context";
import { isSelling, loadStorefront } from "../../_lib/storefront";
import { registerOnStorefront } from "../actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  if (await getSession()) redirect("/account");
  return (
    <AuthPanel
      title={`Create your ${storefront.displayName} account`}
      intro="One account for your domains, orders and invoices at this store."
      footer={
        <p>
          Already have an account? <AuthLink href="/sign-in">Sign in</AuthLink>
        </p>
      }
    >
      {isSelling(storefront) ? (
        <RegisterForm action={registerOnStorefront} />
      ) : (
        <Notice tone="warning" role="status">
          {storefront.displayName} is not taking new customers at the moment.
        </Notice>
      )}
    </AuthPanel>
  );
}
