"use client";
/** Runs the audit-chain check and says plainly whether the log is intact. */
import { useActionState } from "react";
import { SubmitButton } from "@/components/submit-button";
import { verifyChain } from "../actions";

export function VerifyChainButton() {
  const [result, action] = useActionState(verifyChain, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <SubmitButton variant="secondary" pendingLabel="Verifying…">
        Verify chain
      </SubmitButton>
      <p role="status" aria-live="polite" className="text-sm">
        {result?.ok === true &&
          (result.data.ok ? (
            <span className="text-green-800">Chain intact: {result.data.entries} entries checked, every link and hash matches.</span>
          ) : (
            <span className="font-medium text-red-800">
              Chain broken at entry {result.data.brokenAt}: {result.data.reason} ({result.data.entries} entries before it are intact).
            </span>
          ))}
        {result?.ok === false && <span className="text-red-800">{result.message}</span>}
      </p>
    </form>
  );
}
