/**
 * Time-driven registry events, applied in time order per object, each at the moment it was due:
 * transfer auto-approval, auto-renewal at expiry, the end of grace periods, redemption -> pendingDelete
 * -> purge, a restore without report falling back, and landrush allocation when landrush ends.
 */
import type { DomainRecord } from "../model/records";
import type { MockRegistry } from "../registry";
import { addDays, addYears } from "../policy/dates";
import { quote } from "../policy/pricing";
import { allocateApplications } from "./allocation";
import { completeTransfer } from "./transfer-completion";

interface DueEvent {
  at: number;
  apply: () => void;
}

function nextDomainEvent(reg: MockRegistry, d: DomainRecord): DueEvent | undefined {
  const events: DueEvent[] = [];
  const t = d.transfer;
  if (t?.status === "pending")
    events.push({ at: t.acDate, apply: () => completeTransfer(reg, d, "serverApproved", t.acDate) });
  for (const g of d.grace) events.push({ at: g.until, apply: () => (d.grace = d.grace.filter((x) => x !== g)) });
  const del = d.deletion;
  if (del) events.push({ at: del.until, apply: () => advanceDeletion(reg, d, del.until) });
  else events.push({ at: d.exDate, apply: () => autoRenew(reg, d) });
  return events.sort((a, b) => a.at - b.at)[0];
}

function autoRenew(reg: MockRegistry, d: DomainRecord): void {
  const policy = reg.policyFor(d.tld);
  const at = d.exDate;
  const label = d.name.slice(0, d.name.indexOf("."));
  const amount = policy
    ? quote(policy, label, "renew", 1, { anchor: reg.store.meta.anchor, now: at, phase: "open" }).total
    : 0;
  // Registries bill auto-renewals whatever the balance; the registrar settles later.
  const acct = reg.store.accounts.get(d.clID);
  if (acct) {
    acct.balance -= amount;
    reg.store.accounts.put(acct.clID, acct);
  }
  d.exDate = addYears(d.exDate, 1);
  d.grace.push({ kind: "autoRenewPeriod", until: addDays(at, policy?.grace.autoRenew ?? 45), amount });
  reg.enqueuePoll(d.clID, at, "Domain was auto-renewed.", { kind: "renew", name: d.name, exDate: d.exDate });
}

function advanceDeletion(reg: MockRegistry, d: DomainRecord, at: number): void {
  const policy = reg.policyFor(d.tld);
  const del = d.deletion;
  if (!del) return;
  if (del.phase === "pendingRestore") {
    // RFC 3915 §3.2: no report in time, so the name returns to redemption.
    d.deletion = {
      phase: "redemptionPeriod",
      until: Math.max(del.redemptionUntil, at),
      redemptionUntil: del.redemptionUntil,
    };
  } else if (del.phase === "redemptionPeriod") {
    d.deletion = {
      phase: "pendingDelete",
      until: addDays(at, policy?.grace.pendingDelete ?? 5),
      redemptionUntil: del.redemptionUntil,
    };
  } else {
    d.deletion = undefined;
    reg.store.domains.delete(d.name);
    reg.enqueuePoll(d.clID, at, "Domain was purged after its deletion.", {
      kind: "pendingAction",
      name: d.name,
      ok: true,
      svTRID: `PURGE-${d.roid}`,
      at,
    });
  }
}

export function runDueEvents(reg: MockRegistry, now: number): void {
  // Events applied below may schedule follow-ups through reg.schedule(); start from a clean slate.
  reg.store.meta.nextDueAt = Infinity;
  let next = Infinity;
  for (const d of [...reg.store.domains.values()]) {
    let event = nextDomainEvent(reg, d);
    let changed = false;
    while (event && event.at <= now) {
      event.apply();
      changed = true;
      if (!reg.store.domains.get(d.name)) break;
      event = nextDomainEvent(reg, d);
    }
    if (changed && reg.store.domains.get(d.name)) reg.store.domains.put(d.name, d);
    if (event && reg.store.domains.get(d.name)) next = Math.min(next, event.at);
  }
  next = Math.min(next, allocateApplications(reg, now));
  reg.store.meta.nextDueAt = Math.min(next, reg.store.meta.nextDueAt);
  reg.store.touchMeta();
}
