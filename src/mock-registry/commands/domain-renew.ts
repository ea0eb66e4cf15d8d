import type { Command } from "../model/commands";
import { fail } from "../model/result-codes";
import { addDays, addYears, isoDate } from "../policy/dates";
import { quote } from "../policy/pricing";
import { blockingStatus, domainStatuses } from "../policy/statuses";
import type { HandlerContext } from "../session";
import { acknowledgeFee, feeResult, loadOwnDomain, years } from "./common";
import type { HandlerResult } from "./dispatch";

type Renew = Extract<Command, { type: "domain:renew" }>;

/** The current expiry date is required so a retried renew cannot add a second year. */
export function domainRenew(cmd: Renew, ctx: HandlerContext): HandlerResult {
  const { reg, now, clID } = ctx;
  const { domain: d, parsed } = loadOwnDomain(ctx, cmd.name);
  if (blockingStatus(domainStatuses(d), "renew")) fail(2304, "Resource status prohibits this operation.");
  const y = years(cmd.period, parsed.policy);
  if (cmd.curExpDate !== isoDate(d.exDate)) fail(2004, "The current expiration date is incorrect.", cmd.curExpDate);
  const exDate = addYears(d.exDate, y);
  if (exDate > addYears(now, 10)) fail(2004, "New registration period exceeds maximum number of years.");
  const q = quote(parsed.policy, parsed.label, "renew", y, { anchor: reg.store.meta.anchor, now, phase: "open" });
  acknowledgeFee(q, cmd.fee);
  reg.charge(clID, q.total);
  d.exDate = exDate;
  const until = addDays(now, parsed.policy.grace.renew);
  d.grace.push({ kind: "renewPeriod", until, amount: q.total });
  reg.store.domains.put(d.name, d);
  reg.schedule(until);
  return { data: { kind: "domain:ren", name: d.name, exDate, fee: feeResult(ctx, q.fees) } };
}
