/**
 * EPP status values (RFC 5731, 5732, 5733, RGP 3915) as RDAP status values, per RFC 8056 section 2.
 * Values with no RDAP counterpart are dropped rather than guessed.
 */
import type { DomainState } from "@/generated/prisma/enums";

export const EPP_TO_RDAP_STATUS: Readonly<Record<string, string>> = {
  ok: "active",
  inactive: "inactive",
  linked: "associated",
  addPeriod: "add period",
  autoRenewPeriod: "auto renew period",
  renewPeriod: "renew period",
  transferPeriod: "transfer period",
  redemptionPeriod: "redemption period",
  pendingCreate: "pending create",
  pendingDelete: "pending delete",
  pendingRenew: "pending renew",
  pendingRestore: "pending restore",
  pendingTransfer: "pending transfer",
  pendingUpdate: "pending update",
  clientDeleteProhibited: "client delete prohibited",
  clientHold: "client hold",
  clientRenewProhibited: "client renew prohibited",
  clientTransferProhibited: "client transfer prohibited",
  clientUpdateProhibited: "client update prohibited",
  serverDeleteProhibited: "server delete prohibited",
  serverHold: "server hold",
  serverRenewProhibited: "server renew prohibited",
  serverTransferProhibited: "server transfer prohibited",
  serverUpdateProhibited: "server update prohibited",
};

// What our lifecycle state says when the registry's own list was never recorded.
const STATE_STATUSES: Partial<Record<DomainState, string[]>> = {
  active: ["ok"],
  expired: ["autoRenewPeriod"],
  redemption: ["redemptionPeriod", "pendingDelete"],
  pending_delete: ["pendingDelete"],
  pending_transfer_out: ["pendingTransfer"],
};

/** One EPP status as RDAP, or null when RFC 8056 has no mapping for it. */
export function rdapStatusOf(epp: string): string | null {
  return EPP_TO_RDAP_STATUS[epp] ?? null;
}

/**
 * A domain's RDAP status list from the statuses the registry last reported (falling back to our
 * lifecycle state), deduplicated. RFC 5731 forbids "ok" beside any other status, so "active" is
 * dropped when anything else applies.
 */
export function domainRdapStatuses(registryStatuses: readonly string[], state: DomainState): string[] {
  const source = registryStatuses.length > 0 ? registryStatuses : (STATE_STATUSES[state] ?? []);
  const mapped = [...new Set(source.map(rdapStatusOf).filter((s): s is string => s !== null))];
  const rest = mapped.filter((s) => s !== "active");
  if (rest.length > 0) return rest;
  return ["active"];
}
