/** domain:check with availability, reasons, fees (RFC 8748) and the launch claims forms (RFC 8334). */
import type { Command, FeeCheckItem, FeeCommandResult, PhaseRef } from "../model/commands";
import type { ResponseData } from "../model/responses";
import { RegistryError, fail } from "../model/result-codes";
import { isoDate, periodYears } from "../policy/dates";
import { quote } from "../policy/pricing";
import type { HandlerContext } from "../session";
import { CURRENCY, parseName } from "./common";
import type { HandlerResult } from "./dispatch";

const MAX_CHECK = 50;

/** <domain:reason> holds at most 32 characters (RFC 5731 reasonBaseType): the rule, briefly. */
const SHORT_REASONS: [RegExp, string][] = [
  [/tld which doesn't exist/, "TLD not served by this registry"],
  [/can only contain/, "Invalid characters"],
  [/longer than/, "Label too long"],
  [/at least \d+ characters/, "Label too short"],
  [/begin with a dash/, "Label starts with a hyphen"],
  [/end with a dash/, "Label ends with a hyphen"],
  [/third or fourth/, "Hyphens in 3rd and 4th position"],
  [/not a valid IDN/, "Invalid IDN (punycode)"],
  [/IDN table/, "Script not allowed for this TLD"],
  [/exactly one part/, "Not a second-level name"],
  [/can be empty/, "Empty label"],
];

function shortReason(message: string): string {
  return SHORT_REASONS.find(([re]) => re.test(message))?.[1] ?? "Invalid domain name";
}

type Check = Extract<Command, { type: "domain:check" }>;

export function domainCheck(cmd: Check, ctx: HandlerContext): HandlerResult {
  if (cmd.names.length > MAX_CHECK) fail(2306, "Too many resource checks requested in one check command.");
  if (cmd.launch && cmd.launch.form !== "avail") return { data: claimsCheck(cmd, ctx, cmd.launch.form) };
  const items = cmd.names.map((n) => availability(ctx, n, cmd.launch?.phase));
  const data: ResponseData = { kind: "domain:chk", items };
  if (cmd.fee) {
    const currency = cmd.fee.currency ?? CURRENCY;
    if (currency !== CURRENCY) fail(2306, "The requested fees cannot be provided in the requested currency.");
    for (const c of cmd.fee.commands) {
      if (c.period && c.period.unit !== "y") fail(2306, "Periods for domain registrations must be specified in years.");
      if (c.name === "transfer" && c.period && periodYears(c.period) !== 1)
        fail(2306, "Transfers always renew a domain for one year.");
      if (c.name === "restore" && c.period && periodYears(c.period) !== 1)
        fail(2306, "Restores always renew a domain for one year.");
    }
    data.fee = { currency, items: cmd.names.map((n) => feeItem(ctx, n, cmd.fee?.commands ?? [])) };
  }
  return { data };
}

function availability(
  ctx: HandlerContext,
  raw: string,
  phase?: PhaseRef,
): { name: string; avail: boolean; reason?: string } {
  const name = raw.toLowerCase();
  try {
    const parsed = parseName(ctx, raw);
    const { policy, label } = parsed;
    const window = ctx.reg.phaseOf(policy);
    if (policy.reserved.includes(label)) return { name, avail: false, reason: "Reserved" };
    if (ctx.reg.store.domains.get(parsed.name)) return { name, avail: false, reason: "In use" };
    if (window.phase === "announced") {
      return {
        name,
        avail: false,
        reason: window.end ? `Not open until ${isoDate(window.end)}` : "Not open for registration",
      };
    }
    if (phase && phase.phase !== "custom" && phase.phase !== window.phase) {
      return { name, avail: false, reason: `Not open in the ${phase.phase} phase` };
    }
    return { name, avail: true };
  } catch (e) {
    if (e instanceof RegistryError) return { name, avail: false, reason: shortReason(e.message) };
    throw e;
  }
}

function feeItem(ctx: HandlerContext, raw: string, commands: NonNullable<Check["fee"]>["commands"]): FeeCheckItem {
  const name = raw.toLowerCase();
  try {
    const { policy, label } = parseName(ctx, raw);
    if (policy.reserved.includes(label)) return { name, avail: false, commands: [], reason: "Reserved" };
    const phase = ctx.reg.phaseOf(policy).phase;
    const results: FeeCommandResult[] = commands.map((c) => {
      const y = periodYears(c.period);
      const q = quote(policy, label, c.name, y, { anchor: ctx.reg.store.meta.anchor, now: ctx.now, phase });
      return { name: c.name, period: { value: y, unit: "y" }, standard: q.standard, phase, fees: q.fees };
    });
    return { name, avail: true, feeClass: policy.premium[label] ? "premium" : "standard", commands: results };
  } catch (e) {
    if (e instanceof RegistryError) return { name, avail: false, commands: [], reason: shortReason(e.message) };
    throw e;
  }
}

function claimsCheck(cmd: Check, ctx: HandlerContext, form: "claims" | "trademark"): ResponseData {
  let phase: PhaseRef = { phase: "claims" };
  const items = cmd.names.map((raw) => {
    const { policy, label, name } = parseName(ctx, raw);
    const window = ctx.reg.phaseOf(policy);
    if (form === "claims") {
      if (window.phase === "open") fail(2304, "The claims period for this TLD has ended.");
      if (window.phase === "announced") fail(2002, "Command is not allowed in the current registry phase.");
      phase = { phase: window.phase };
    }
    const claimKey = policy.claims[label];
    return { name, exists: claimKey !== undefined, claimKey };
  });
  return { kind: "launch:chk", phase, items };
}
