/** domain:check with availability, reasons, fees (RFC 8748) and the launch claims forms (RFC 8334). */
import { DEFAULT_DIALECT, type RegistryDialect } from "../config/tld-policy";
import type { Command, FeeCheckItem, FeeCommandResult, PhaseRef } from "../model/commands";
import type { ResponseData } from "../model/responses";
import { RegistryError, fail } from "../model/result-codes";
import { isoDate, periodYears } from "../policy/dates";
import { quote } from "../policy/pricing";
import type { HandlerContext } from "../session";
import { CURRENCY, checkCurrency, parseName } from "./common";
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
  [/mixes scripts/, "Mixed scripts in one label"],
  [/IDN table/, "Script not allowed for this TLD"],
  [/lower-case/, "Upper-case letters"],
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
  refuseInvalidNames(cmd.names, ctx);
  const items = cmd.names.map((n) => availability(ctx, n, cmd.launch?.phase));
  const data: ResponseData = { kind: "domain:chk", items };
  if (cmd.fee) {
    const currency = cmd.fee.currency ?? CURRENCY;
    checkCurrency(currency);
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

/** A name under a TLD we do not serve follows the dialect of the other names in the check. */
function dialectFor(ctx: HandlerContext, raw: string, names: string[]): RegistryDialect {
  const tld = ctx.reg.tldOf(raw) ?? names.map((n) => ctx.reg.tldOf(n)).find((t) => t !== undefined);
  return (tld !== undefined ? ctx.reg.policyFor(tld)?.dialect : undefined) ?? DEFAULT_DIALECT;
}

/** Registries of the "error" dialect refuse the whole check when one name cannot be a name there. */
function refuseInvalidNames(names: string[], ctx: HandlerContext): void {
  for (const raw of names) {
    try {
      parseName(ctx, raw);
    } catch (e) {
      if (!(e instanceof RegistryError)) throw e;
      if (dialectFor(ctx, raw, names).invalidNameInCheck === "error") fail(2005, e.message, raw);
    }
  }
}

function availability(
  ctx: HandlerContext,
  raw: string,
  phase?: PhaseRef,
): { name: string; avail: boolean; reason?: string } {
  // Echoed as sent: an upper-case name is refused, not answered for its lower-cased twin.
  const name = raw;
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
  const name = raw;
  try {
    const { policy, label } = parseName(ctx, raw);
    if (policy.reserved.includes(label)) return { name, avail: false, commands: [], reason: "Reserved" };
    const phase = ctx.reg.phaseOf(policy).phase;
    const results: FeeCommandResult[] = commands.map((c) => {
      if (c.name === "update" || c.name === "delete") {
        // Updates and deletes are free here: a zero price, as RFC 8748 lets a server state it.
        return { name: c.name, standard: true, phase, fees: [{ description: c.name, amount: 0 }] };
      }
      if (c.name === "custom") {
        return { name: c.name, customName: c.customName, standard: false, fees: [], reason: "No custom commands here" };
      }
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
