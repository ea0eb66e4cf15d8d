/**
 * The page a contact verification link opens (RAA Whois Accuracy Program): the address it confirms
 * and a button to confirm it, or why the link no longer works. No sign-in: the token is the proof.
 */
import type { Metadata } from "next";
import { viewVerificationLink, type LinkView } from "@/server/contact-verification/verify-email";
import { loadStorefront } from "../../_lib/storefront";
import { ConfirmForm } from "./_components/confirm-form";

export const metadata: Metadata = { title: "Confirm your email address", robots: { index: false } };

type Props = { params: Promise<{ host: string; token: string }> };

const day = (d: Date) => d.toISOString().slice(0, 10);

function Explain({ view }: { view: Exclude<LinkView, { state: "valid" }> }) {
  const text =
    view.state === "used"
      ? `${view.email} is already confirmed (${day(view.verifiedAt)}). Nothing more to do.`
      : view.state === "expired"
        ? `This link stopped working on ${day(view.expiresAt)}. Sign in to your account and send a new link from your domain's page.`
        : view.state === "address_changed"
          ? `The registrant's email address is no longer ${view.email}, so this link does not apply. Use the link sent to the current address.`
          : "This confirmation link is not valid. Use the latest link from your mail.";
  return (
    <p
      role={view.state === "used" ? "status" : "alert"}
      className={
        view.state === "used"
          ? "rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900"
          : "rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900"
      }
    >
      {text}
    </p>
  );
}

export default async function VerifyEmailPage({ params }: Props) {
  const p = await params;
  const storefront = await loadStorefront(p.host);
  const token = decodeURIComponent(p.token);
  const view = await viewVerificationLink(storefront.id, token);
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-10 text-slate-900 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Confirm your email address</h1>
      {view.state === "valid" ? (
        <>
          <p>
            The rules for domain names (ICANN&apos;s Whois Accuracy Program) require us to confirm the registrant&apos;s
            email address. Press the button to confirm that <strong className="break-all">{view.email}</strong> is
            yours. If your domains were suspended for this, they work again within minutes.
          </p>
          <ConfirmForm token={token} email={view.email} />
        </>
      ) : (
        <Explain view={view} />
      )}
    </div>
  );
}
