/** A domain's lifecycle state as a coloured label, in the words of status-words.ts. */
import { StatusBadge } from "@/components/status-badge";
import type { DomainState } from "@/generated/prisma/enums";
import { domainStateWords } from "@/lib/status-words";

export function DomainStateBadge({ state }: { state: DomainState }) {
  const w = domainStateWords(state);
  return (
    <StatusBadge status={state} tone={w.tone}>
      {w.label}
    </StatusBadge>
  );
}
