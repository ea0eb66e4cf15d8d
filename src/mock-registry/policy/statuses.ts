/** RFC 5731 / 5732 status values and which of them a client may set or which block an operation. */
import type { DomainRecord } from "../model/records";

export const CLIENT_DOMAIN_STATUSES = [
  "clientDeleteProhibited",
  "clientHold",
  "clientRenewProhibited",
  "clientTransferProhibited",
  "clientUpdateProhibited",
];
export const SERVER_DOMAIN_STATUSES = [
  "serverDeleteProhibited",
  "serverHold",
  "serverRenewProhibited",
  "serverTransferProhibited",
  "serverUpdateProhibited",
];
export const CLIENT_OBJECT_STATUSES = ["clientDeleteProhibited", "clientUpdateProhibited"];

export function domainStatuses(d: DomainRecord): string[] {
  const out = [...d.statuses];
  if (d.deletion) out.push("pendingDelete");
  if (d.transfer?.status === "pending") out.push("pendingTransfer");
  if (d.ns.length === 0) out.push("inactive");
  return out.length === 0 ? ["ok"] : out;
}

export function objectStatuses(statuses: string[], linked: boolean): string[] {
  const out = [...statuses];
  if (linked) out.push("linked");
  return out.length === 0 ? ["ok"] : out;
}

export type Operation = "delete" | "renew" | "transfer" | "update";

const SUFFIX: Record<Operation, string> = {
  delete: "DeleteProhibited",
  renew: "RenewProhibited",
  transfer: "TransferProhibited",
  update: "UpdateProhibited",
};

/** Whether a client or server prohibition, or a pending state, blocks the operation. */
export function blockingStatus(statuses: string[], op: Operation): string | undefined {
  return statuses.find(
    (s) =>
      s === `client${SUFFIX[op]}` || s === `server${SUFFIX[op]}` || s === "pendingDelete" || s === "pendingTransfer",
  );
}
