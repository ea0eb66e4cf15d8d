/**
 * domain:delete: purged at once inside the add grace period (with a refund), otherwise into the
 * RFC 3915 redemption period (1001), then pendingDelete, then purge. A registry made with
 * `purgeOnDelete` (a sandbox) purges at once, from redemption as well.
 */
import type { Command, FeeLine } from "../model/commands";
import { fail } from "../model/result-codes";
import { addDays } from "../policy/dates";
import { blockingStatus, domainStatuses } from "../policy/statuses";
import type { HandlerContext } from "../session";
import { activeGrace, feeResult, loadOwnDomain, parseName } from "./common";
import type { HandlerResult } from "./dispatch";

type Delete = Extract<Command, { type: "domain:delete" }>;

export function domainDelete(cmd: Delete, ctx: HandlerContext): HandlerResult {
  const { reg, now, clID } = ctx;
  if (cmd.launch) return deleteApplication(ctx, cmd.name, cmd.launch.applicationId);
  const { domain: d, parsed } = loadOwnDomain(ctx, cmd.name);
  // A test registry lets its registrar take a name out of redemption too; its own locks still hold.
  const statuses = reg.purgeOnDelete ? domainStatuses(d).filter((s) => s !== "pendingDelete") : domainStatuses(d);
  if (blockingStatus(statuses, "delete")) fail(2304, "Resource status prohibits this operation.");
  if ([...reg.store.hosts.values()].some((h) => h.superordinate === d.name)) {
    fail(2305, "Domain to be deleted has subordinate hosts.");
  }
  const grace = activeGrace(d, now);
  const credits: FeeLine[] = grace.map((g) => ({ description: `${g.kind} refund`, amount: -g.amount }));
  for (const c of credits) reg.refund(clID, -c.amount);
  if (grace.some((g) => g.kind === "addPeriod") || reg.purgeOnDelete) {
    reg.store.domains.delete(d.name);
    return { data: { kind: "domain:del", fee: feeResult(ctx, [], credits) } };
  }
  const until = addDays(now, parsed.policy.grace.redemption);
  d.grace = [];
  d.deletion = { phase: "redemptionPeriod", until, redemptionUntil: until };
  d.upID = clID;
  d.upDate = now;
  reg.store.domains.put(d.name, d);
  reg.schedule(until);
  return { code: 1001, data: { kind: "domain:del", fee: feeResult(ctx, [], credits) } };
}

function deleteApplication(ctx: HandlerContext, name: string, id: string): HandlerResult {
  const parsed = parseName(ctx, name);
  const app = ctx.reg.store.applications.get(id);
  if (!app || app.name !== parsed.name) fail(2303, "Resource with this id does not exist.", id);
  if (app.clID !== ctx.clID) fail(2201, "The specified resource belongs to another client.", id);
  if (app.status !== "pendingAllocation") fail(2304, "Resource status prohibits this operation.");
  ctx.reg.refund(ctx.clID, app.amount);
  ctx.reg.store.applications.delete(id);
  return {};
}
