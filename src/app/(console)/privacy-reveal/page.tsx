/** The public form to ask for the customer behind the registrar's privacy service (decision 116). */
import type { Metadata } from "next";
import { PlatformHeader } from "@/components/platform-header";
import { RevealForm } from "./reveal-form";

export const metadata: Metadata = { title: "Ask to reveal a private registrant" };

export default function PrivacyRevealPage() {
  return (
    <div className="min-h-screen bg-slate-50">
      <PlatformHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-2xl space-y-6 px-4 py-10 text-slate-900 sm:px-6">
        <h1 className="text-3xl font-bold tracking-tight">Ask to reveal a private registrant</h1>
        <p>
          Names behind our privacy service show the service instead of their registrant. If you have a legitimate
          interest in reaching or identifying the registrant (an investigation, an infringed right, a complaint), tell
          us who you are, why, and on what evidence. We acknowledge within 2 working days. The registrant is told at
          once and may answer within 5 working days; our staff decide within 10 working days and write to you with the
          outcome and the reason.
        </p>
        <p className="text-sm text-slate-700">
          To simply write to a registrant, use the email address public lookups show for the name: we forward it.
        </p>
        <RevealForm />
      </main>
    </div>
  );
}
