/**
 * "Tell me when it opens": anyone leaves an address to hear when an extension (or a name's extension)
 * enters each new phase. Signed-in registrants are sent to their pre-orders page, where the same
 * button uses their account's address and a pre-order is one step away.
 */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { TextField } from "@/components/form-controls";
import { getSession } from "@/server/auth/require-context";
import { loadStorefront } from "../_lib/storefront";
import { prefillName } from "../account/_lib/prefill-name";
import { followLaunchByMail } from "./actions";

export const metadata: Metadata = { title: "Tell me when it opens" };

export default async function NotifyMePage({
  params,
  searchParams,
}: {
  params: Promise<{ host: string }>;
  searchParams: Promise<{ name?: string | string[] }>;
}) {
  const storefront = await loadStorefront((await params).host);
  const name = prefillName((await searchParams).name);
  const session = await getSession();
  if (session?.ctx.kind === "registrant" && session.ctx.resellerId === storefront.id)
    redirect(name ? `/account/preorders?name=${encodeURIComponent(name)}` : "/account/preorders");
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Tell me when it opens</h1>
      <p>
        Leave your address and we mail you once each time the extension enters a new phase: trademark holders first,
        then everyone. Nothing is charged and nothing is reserved for you.
      </p>
      <ActionForm
        action={followLaunchByMail}
        submitLabel="Tell me when it opens"
        pendingLabel="Saving…"
        success="Saved: we will mail you at each new phase."
      >
        <TextField
          name="subject"
          label="Name or extension"
          hint="Such as brand.nova or .nova"
          required
          defaultValue={name}
        />
        <TextField name="email" label="Your email address" type="email" required autoComplete="email" />
      </ActionForm>
    </div>
  );
}
