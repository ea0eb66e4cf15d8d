/**
 * RFC 3915 restore: a request moves a name in redemption to pendingRestore; the report (within 7
 * days) completes it. Without a report the name falls back to redemption (see lifecycle/sweep).
 */
import type { Command, FeeAck } from "../model/commands";
import type { DomainRecord } from "../model/records";
import { fail } from "../model/result-codes";
import { addDays, addYears } from "../policy/dates";
import type { ParsedDomain } from "../policy/names";
import { quote } from "../policy/pricing";
import type { HandlerContext } from "../session";
import { acknowledgeFee, feeResult } from "./common";
import type { HandlerResult } from "./dispatch";

type Restore = NonNullable<Extract<Command, { type: "domain:update" }>["restore"]>;

export function domainRestore(
  restore: Restore,
  ctx: HandlerContext,
  d: DomainRecord,
  parsed: ParsedDomain,
  fee?: FeeAck,
): HandlerResult {
  const { reg, now } = ctx;
  if (restore.op === "request") {
    if (d.deletion?.phase !== "redemptionPeriod") fail(2304, "Domain is not eligible for restore.");
    const q = quote(parsed.policy, parsed.label, "restore", 1, { anchor: reg.store.meta.anchor, now, phase: "open" });
    acknowledgeFee(q, fee);
    reg.charge(ctx.clID, q.total);
    const until = addDays(now, parsed.policy.grace.pendingRestore);
    d.deletion = { ...d.deletion, phase: "pendingRestore", until };
    d.upID = ctx.clID;
    d.upDate = now;
    reg.store.domains.put(d.name, d);
    reg.schedule(until);
    return { data: { kind: "domain:upd", rgp: "pendingRestore", fee: feeResult(ctx, q.fees) } };
  }
  if (d.deletion?.phase !== "pendingRestore")
    fail(2304, "Domain is not pending restore; send a restore request first.");
  const r = restore.report;
  if (!r.preData || !r.postData || !r.resReason || r.statements.length < 2) {
    fail(2003, "A restore report needs preData, postData, resReason and two statements.");
  }
  d.deletion = undefined;
  while (d.exDate <= now) d.exDate = addYears(d.exDate, 1);
  d.upID = ctx.clID;
  d.upDate = now;
  reg.store.domains.put(d.name, d);
  reg.schedule(d.exDate);
  return { data: { kind: "domain:upd" } };
}
