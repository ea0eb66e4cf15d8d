/** The page a data-request confirmation link opens. */
import type { Metadata } from "next";
import { loadStorefront } from "../../../_lib/storefront";
import { ConfirmButton } from "./confirm-button";

export const metadata: Metadata = { title: "Confirm your request", robots: { index: false } };

export default async function ConfirmDataRequestPage({ params }: { params: Promise<{ host: string; token: string }> }) {
  const p = await params;
  await loadStorefront(p.host);
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Confirm your request</h1>
      <p>Press the button to confirm that you sent this request. The time limits for our answer start then.</p>
      <ConfirmButton token={decodeURIComponent(p.token)} />
    </div>
  );
}
