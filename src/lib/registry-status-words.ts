/**
 * The registry's status codes (RFC 5731 and the RGP extension, RFC 3915) in the words a registrant
 * reads. Registry codes stay on staff pages (decision 101); mail and storefront pages say what the
 * status means for the name's website and email instead.
 */
export const EPP_STATUS_WORDS = {
  ok: "active",
  inactive: "without name servers",
  clientHold: "suspended",
  serverHold: "suspended by the registry",
  clientDeleteProhibited: "protected against deletion",
  serverDeleteProhibited: "protected against deletion by the registry",
  clientRenewProhibited: "blocked from renewal",
  serverRenewProhibited: "blocked from renewal by the registry",
  clientTransferProhibited: "locked against transfer",
  serverTransferProhibited: "locked against transfer by the registry",
  clientUpdateProhibited: "locked against changes",
  serverUpdateProhibited: "locked against changes by the registry",
  pendingCreate: "being registered",
  pendingDelete: "being deleted",
  pendingRenew: "being renewed",
  pendingTransfer: "being transferred",
  pendingUpdate: "being changed",
  pendingRestore: "being restored",
  addPeriod: "newly registered",
  autoRenewPeriod: "just renewed automatically",
  renewPeriod: "just renewed",
  transferPeriod: "just transferred",
  redemptionPeriod: "deleted, can be restored",
} as const;

export type EppStatus = keyof typeof EPP_STATUS_WORDS;

/** Every registry status code, for checks that a registrant's text holds none of them. */
export const EPP_STATUS_NAMES = Object.keys(EPP_STATUS_WORDS) as EppStatus[];

/** Words for a registry status; an unknown code reads as "in a registry status" rather than raw. */
export function registryStatusWords(status: string): string {
  return Object.hasOwn(EPP_STATUS_WORDS, status) ? EPP_STATUS_WORDS[status as EppStatus] : "in a registry status";
}
