/** Data-subject requests (access, correction, deletion) for this storefront's registrants. */
import type { Metadata } from "next";
import { getSession } from "@/server/auth/require-context";
import { loadStorefront } from "../_lib/storefront";
import { DataRequestForm } from "./data-request-form";

export const metadata: Metadata = { title: "Your data" };

// A route handler's download, not a page: a plain link, never client-side navigation.
const EXPORT_HREF = "/api/data-export";

export default async function DataRequestPage({ params }: { params: Promise<{ host: string }> }) {
  const storefront = await loadStorefront((await params).host);
  const session = await getSession();
  const signedIn = session?.ctx.kind === "registrant" && session.ctx.resellerId === storefront.id;
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Your data</h1>
      <p>
        Ask for a copy of the data we hold about you, a correction, or its deletion. We acknowledge a request within 2
        working days and answer within 30 days. Registration data of your domain names is kept for the period the rules
        for domain names require, even after deletion.
      </p>
      {signedIn && (
        <p>
          <a className="underline" href={EXPORT_HREF} download>
            Download your data now (JSON)
          </a>
        </p>
      )}
      <DataRequestForm signedIn={signedIn} />
    </div>
  );
}
