/** Requests for non-public registration data, reviewed by registrar staff for a legitimate interest. */
import type { Metadata } from "next";
import { PlatformHeader } from "@/components/platform-header";
import { DisclosureForm } from "./disclosure-form";

export const metadata: Metadata = { title: "Request registration data" };

export default function DisclosureRequestPage() {
  return (
    <div className="min-h-screen bg-slate-50">
      <PlatformHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-2xl space-y-6 px-4 py-10 text-slate-900 sm:px-6">
        <h1 className="text-3xl font-bold tracking-tight">Request registration data</h1>
        <p>
          Registration data that is not public is disclosed only when a legitimate interest outweighs the
          registrant&apos;s rights. Our staff review each request and answer within 30 days; the registrant is told when
          data is disclosed.
        </p>
        <DisclosureForm />
      </main>
    </div>
  );
}
