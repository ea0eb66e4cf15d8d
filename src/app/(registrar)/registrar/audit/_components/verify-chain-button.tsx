"use client";
/** Runs the audit-chain check and says plainly whether every tenant's chain is intact. */
import { useActionState } from "react";
import { SubmitButton } from "@/components/submit-button";
import { verifyChain } from "../actions";

function chainLabel(resellerId: string | null, names: Record<string, string>): string {
  if (!resellerId) return "Registrar chain";
  return `${names[resellerId] ?? resellerId.slice(0, 8)}'s chain`;
}

export function VerifyChainButton({ names }: { names: Record<string, string> }) {
  const [result, action] = useActionState(verifyChain, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <SubmitButton variant="secondary" pendingLabel="Verifying…">
        Verify chains
      </SubmitButton>
      <div role="status" aria-live="polite" className="text-sm">
        {result?.ok === true &&
          (result.data.ok ? (
            <span className="text-green-800">
              All {result.data.chains} chains intact: {result.data.entries} entries checked, every link and MAC matches.
            </span>
          ) : (
            <>
              <p className="font-medium text-red-800">
                {result.data.broken.length} of {result.data.chains} chains broken (first broken entry of each):
              </p>
              <ul className="mt-1 list-disc pl-5 text-red-800">
                {result.data.broken.map((b) => (
                  <li key={b.chain}>
                    {chainLabel(b.resellerId, names)}, position {b.chainSeq} (entry {b.seq}): {b.reason}.
                  </li>
                ))}
              </ul>
            </>
          ))}
        {result?.ok === false && <span className="text-red-800">{result.message}</span>}
      </div>
    </form>
  );
}
