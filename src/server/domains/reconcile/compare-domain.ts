/**
 * Pure comparison of our record with the registry's `info` answer. Each difference says what we
 * have, what the registry has, and the repair (the registry is the source of truth for these fields).
 */
import type { DomainInfo } from "@/server/registry";
import type { Domain, DomainState, Prisma } from "@/generated/prisma/client";

export type Drift = {
  field: "expiry" | "status" | "sponsor" | "state" | "missing";
  ours: string;
  theirs: string;
  repair: Prisma.DomainUpdateInput;
};

const day = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().slice(0, 10) : "none");
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function compareDomain(ours: Domain, theirs: DomainInfo | null, ourClientId: string): Drift[] {
  if (!theirs) {
    return [
      { field: "missing", ours: ours.state, theirs: "no such domain", repair: { state: "deleted", autoRenew: false } },
    ];
  }
  if (theirs.sponsor !== ourClientId) {
    return [
      {
        field: "sponsor",
        ours: ourClientId,
        theirs: theirs.sponsor,
        repair: { state: "transferred_away", autoRenew: false, pendingTransferDeadline: null },
      },
    ];
  }
  const drifts: Drift[] = [];
  const registryState: DomainState | null =
    theirs.rgpStatuses.includes("redemptionPeriod") || theirs.rgpStatuses.includes("pendingRestore")
      ? "redemption"
      : theirs.statuses.includes("pendingDelete")
        ? "pending_delete"
        : theirs.statuses.includes("pendingTransfer")
          ? "pending_transfer_out"
          : null;
  const deletedSide = ours.state === "redemption" || ours.state === "pending_delete";
  if (registryState && registryState !== ours.state && !(registryState === "pending_delete" && deletedSide)) {
    drifts.push({ field: "state", ours: ours.state, theirs: registryState, repair: { state: registryState } });
  } else if (!registryState && (deletedSide || ours.state === "pending_transfer_out")) {
    drifts.push({
      field: "state",
      ours: ours.state,
      theirs: "active",
      repair: { state: "active", pendingTransferDeadline: null },
    });
  }
  // An expired name sits in the registry's auto-renew grace with a year added: that difference is expected.
  if (ours.state === "active" && theirs.expiresAt && day(theirs.expiresAt) !== day(ours.expiresAt)) {
    drifts.push({
      field: "expiry",
      ours: day(ours.expiresAt),
      theirs: day(theirs.expiresAt),
      repair: { expiresAt: new Date(theirs.expiresAt) },
    });
  }
  const theirStatuses = [...theirs.statuses].sort();
  if (!sameSet([...ours.registryStatuses].sort(), theirStatuses)) {
    drifts.push({
      field: "status",
      ours: ours.registryStatuses.join(" ") || "none",
      theirs: theirStatuses.join(" "),
      repair: { registryStatuses: theirStatuses, transferLock: theirStatuses.includes("clientTransferProhibited") },
    });
  }
  return drifts;
}
