/** A domain's lifecycle state as a coloured label. */
import { StatusBadge, type BadgeTone } from "@/components/status-badge";

const TONE: Record<string, BadgeTone> = {
  active: "green",
  pending_create: "blue",
  pending_transfer_in: "blue",
  pending_transfer_out: "amber",
  expired: "amber",
  redemption: "red",
  pending_delete: "red",
  deleted: "slate",
  transferred_away: "slate",
};

export function DomainStateBadge({ state }: { state: string }) {
  return (
    <StatusBadge status={state} tone={TONE[state] ?? "slate"}>
      {state.replaceAll("_", " ")}
    </StatusBadge>
  );
}
