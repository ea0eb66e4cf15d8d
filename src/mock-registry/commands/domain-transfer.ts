/** domain:transfer request / query / approve / reject / cancel (RFC 5731 §3.2.4, §3.1.3). */
import type { Command } from "../model/commands";
import type { DomainRecord } from "../model/records";
import { fail } from "../model/result-codes";
import { addDays, addYears } from "../policy/dates";
import { quote } from "../policy/pricing";
import { blockingStatus, domainStatuses } from "../policy/statuses";
import type { HandlerContext } from "../session";
import { completeTransfer, transferMessage } from "../lifecycle/transfer-completion";
import { acknowledgeFee, feeResult, loadDomain, years } from "./common";
import type { HandlerResult } from "./dispatch";

type Transfer = Extract<Command, { type: "domain:transfer" }>;

export function domainTransfer(cmd: Transfer, ctx: HandlerContext): HandlerResult {
  const { domain: d } = loadDomain(ctx, cmd.name);
  switch (cmd.op) {
    case "request":
      return request(cmd, ctx, d);
    case "query":
      return query(cmd, ctx, d);
    default:
      return decide(cmd.op, ctx, d);
  }
}

function trnData(d: DomainRecord) {
  const t = d.transfer;
  if (!t) fail(2002, "Object has no transfer history.");
  return {
    kind: "domain:trn" as const,
    name: d.name,
    trStatus: t.status,
    reID: t.reID,
    reDate: t.reDate,
    acID: t.acID,
    acDate: t.acDate,
    exDate: t.exDate,
  };
}

function request(cmd: Transfer, ctx: HandlerContext, d: DomainRecord): HandlerResult {
  const { reg, now, clID } = ctx;
  const policy = reg.policyFor(d.tld);
  if (!policy) fail(2004, "Domain name is under tld which doesn't exist.");
  if (d.clID === clID) fail(2002, "Registrar already sponsors the object of this transfer request.");
  if (cmd.authInfo === undefined) fail(2201, "Authorization info is required to request a transfer.");
  if (cmd.authInfo !== d.authInfo) fail(2202, "Authorization information for accessing resource is invalid.");
  if (d.transfer?.status === "pending") fail(2300, "The resource is already pending transfer.");
  if (blockingStatus(domainStatuses(d), "transfer")) fail(2304, "Resource status prohibits this operation.");
  const lockedUntil = addDays(Math.max(d.crDate, d.trDate ?? 0), policy.transferLockDays);
  if (policy.dialect.transferLock === "registry" && now < lockedUntil)
    fail(2106, `Domain cannot be transferred within ${policy.transferLockDays} days of its creation or last transfer.`);
  const y = years(cmd.period, policy);
  if (y !== 1) fail(2306, "Domain transfer period must be one year.");
  const label = d.name.slice(0, d.name.indexOf("."));
  const q = quote(policy, label, "transfer", 1, { anchor: reg.store.meta.anchor, now, phase: "open" });
  acknowledgeFee(q, cmd.fee);
  reg.charge(clID, q.total);
  const acDate = addDays(now, policy.grace.transfer);
  d.transfer = {
    status: "pending",
    reID: clID,
    reDate: now,
    acID: d.clID,
    acDate,
    exDate: addYears(d.exDate, 1),
    periodYears: 1,
    amount: q.total,
  };
  reg.store.domains.put(d.name, d);
  reg.schedule(acDate);
  const data = trnData(d);
  reg.enqueuePoll(d.clID, now, transferMessage("pending"), {
    kind: "transfer",
    name: d.name,
    transfer: { ...d.transfer },
  });
  return { code: 1001, data: { ...data, fee: feeResult(ctx, q.fees) } };
}

function query(cmd: Transfer, ctx: HandlerContext, d: DomainRecord): HandlerResult {
  if (!d.transfer) fail(2002, "Object has no transfer history.");
  if (cmd.authInfo !== undefined && cmd.authInfo !== d.authInfo)
    fail(2202, "Authorization information for accessing resource is invalid.");
  const party = d.clID === ctx.clID || d.transfer.reID === ctx.clID || d.transfer.acID === ctx.clID;
  if (!party && cmd.authInfo === undefined) fail(2201, "Registrar is not authorized to view transfer status.");
  return { data: trnData(d) };
}

function decide(op: "approve" | "reject" | "cancel", ctx: HandlerContext, d: DomainRecord): HandlerResult {
  const t = d.transfer;
  if (op === "cancel") {
    if (t?.status === "pending" && t.reID !== ctx.clID) fail(2201, "Registrar is not the initiator of this transfer.");
  } else if (d.clID !== ctx.clID) {
    fail(2201, "The specified resource belongs to another client.");
  }
  if (!t || t.status !== "pending") fail(2301, "The resource does not have a pending transfer.");
  const status = op === "approve" ? "clientApproved" : op === "reject" ? "clientRejected" : "clientCancelled";
  completeTransfer(ctx.reg, d, status, ctx.now);
  return { data: trnData(d) };
}
