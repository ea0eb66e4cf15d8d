/**
 * Ending a pending transfer, by either registrar or by the registry's auto-approval. An approval
 * inside the auto-renew grace period cancels that auto-renewal (ICANN Transfer Policy) and refunds it.
 */
import { randomBytes } from "node:crypto";
import type { DomainRecord, TransferStatus } from "../model/records";
import type { MockRegistry } from "../registry";
import { addDays, addYears } from "../policy/dates";

const MESSAGES: Record<TransferStatus, string> = {
  pending: "Transfer requested.",
  clientApproved: "Transfer approved.",
  serverApproved: "Transfer approved by the registry.",
  clientRejected: "Transfer rejected.",
  clientCancelled: "Transfer cancelled.",
  serverCancelled: "Transfer cancelled by the registry.",
};

export function transferMessage(status: TransferStatus): string {
  return MESSAGES[status];
}

export function completeTransfer(reg: MockRegistry, d: DomainRecord, status: TransferStatus, at: number): void {
  const t = d.transfer;
  if (!t || t.status !== "pending") return;
  t.status = status;
  const approved = status === "clientApproved" || status === "serverApproved";
  if (approved) {
    const losing = d.clID;
    const autoRenew = d.grace.find((g) => g.kind === "autoRenewPeriod" && g.until > at);
    if (autoRenew) {
      d.exDate = addYears(d.exDate, -1);
      reg.refund(losing, autoRenew.amount);
    }
    d.exDate = addYears(d.exDate, t.periodYears);
    t.exDate = d.exDate;
    d.clID = t.reID;
    d.trDate = at;
    d.upDate = at;
    d.upID = t.reID;
    d.authInfo = randomBytes(12).toString("base64url");
    d.statuses = d.statuses.filter((s) => !s.startsWith("client"));
    const policy = reg.policyFor(d.tld);
    const until = addDays(at, policy?.grace.transfer ?? 5);
    d.grace = [{ kind: "transferPeriod", until, amount: t.amount }];
    reg.schedule(until);
    for (const h of reg.store.hosts.values()) {
      if (h.superordinate === d.name) {
        h.clID = t.reID;
        h.trDate = at;
        reg.store.hosts.put(h.name, h);
      }
    }
  } else {
    reg.refund(t.reID, t.amount);
  }
  reg.store.domains.put(d.name, d);
  const payload = { kind: "transfer" as const, name: d.name, transfer: { ...t } };
  const msg = MESSAGES[status];
  // Both registrars hear about a registry decision; otherwise only the side that did not act.
  if (
    status === "serverApproved" ||
    status === "serverCancelled" ||
    status === "clientApproved" ||
    status === "clientRejected"
  ) {
    reg.enqueuePoll(t.reID, at, msg, payload);
  }
  if (status === "serverApproved" || status === "serverCancelled" || status === "clientCancelled") {
    reg.enqueuePoll(t.acID, at, msg, payload);
  }
}
