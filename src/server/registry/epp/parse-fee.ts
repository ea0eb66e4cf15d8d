/**
 * The fee extension (RFC 8748) out of check and transform answers. A registry may answer a check
 * with one <fee:cd> per name holding every command, or one <fee:cd> per command (and period) per
 * name; both read the same. Commands we do not bill (update, delete, custom) are kept as quotes, and
 * a command name outside RFC 8748 is skipped rather than failing the whole check.
 */
import type { FeeCommand, FeeOperation, FeeQuote, FeeSummary, Money } from "../core/types";
import { currencyExponent } from "@/lib/money";
import { NS } from "./namespaces";
import type { Envelope } from "./parse-envelope";
import { child, children, textOf, type XNode } from "./xml";

const F = NS.fee;
const COMMANDS: ReadonlySet<string> = new Set<FeeCommand>([
  "create",
  "delete",
  "renew",
  "update",
  "transfer",
  "restore",
  "custom",
]);
const BILLED: readonly FeeOperation[] = ["create", "renew", "transfer", "restore"];

/**
 * A fee's decimal in the currency's minor units (yen have none, dinars three). Digits beyond the
 * currency's precision round toward +infinity, so a cost is never understated and a credit never
 * overstated; anything but a decimal is a protocol error, not NaN in a ledger.
 */
export function minor(decimal: string, currency: string): number {
  const m = /^([-+]?)(\d{0,15})(?:\.(\d{0,30}))?$/.exec(decimal.trim());
  if (!m || (m[2] === "" && !m[3]))
    throw new Error(`Registry sent a fee that is not a decimal amount: ${decimal.slice(0, 40)}`);
  const [, sign, whole = "", frac = ""] = m;
  const exp = currencyExponent(currency);
  let value = Number(whole || "0") * 10 ** exp + Number(frac.slice(0, exp).padEnd(exp, "0") || "0");
  if (sign !== "-" && /[1-9]/.test(frac.slice(exp))) value += 1;
  if (!Number.isSafeInteger(value)) throw new Error(`Registry sent a fee too large to hold: ${decimal.slice(0, 40)}`);
  return sign === "-" && value !== 0 ? -value : value;
}

/** xsd:boolean, whose value space allows surrounding white space. */
export function xsdBool(v: string | undefined, fallback = false): boolean {
  const t = v?.trim();
  return t === undefined ? fallback : t === "1" || t === "true";
}

export function feeSummary(e: Envelope, local: string): FeeSummary | undefined {
  const f = child(e.extension, F, local);
  if (!f) return undefined;
  const currency = textOf(f, F, "currency") ?? "USD";
  const money = (s: string): Money => ({ amount: minor(s, currency), currency });
  const balance = textOf(f, F, "balance");
  return {
    fees: children(f, F, "fee").map((x) => money(x.text)),
    credits: children(f, F, "credit").map((x) => money(x.text)),
    balance: balance === undefined ? undefined : money(balance),
  };
}

/** What the check's fee answer says about one name, gathered over every <fee:cd> naming it. */
export interface NameFees {
  quotes: FeeQuote[];
  premium: boolean;
  reason?: string;
}

function quote(c: XNode, currency: string): FeeQuote | undefined {
  const command = c.attrs.name?.trim() ?? "";
  if (!COMMANDS.has(command)) return undefined;
  const p = child(c, F, "period");
  const value = p ? Number(p.text.trim()) : NaN;
  const unit = p?.attrs.unit?.trim();
  const lines = [...children(c, F, "fee"), ...children(c, F, "credit")];
  return {
    command: command as FeeCommand,
    customName: c.attrs.customName?.trim(),
    period: Number.isInteger(value) && (unit === "y" || unit === "m") ? { value, unit } : undefined,
    phase: c.attrs.phase?.trim(),
    subphase: c.attrs.subphase?.trim(),
    price: lines.length > 0 ? { amount: lines.reduce((s, x) => s + minor(x.text, currency), 0), currency } : undefined,
    standard: xsdBool(c.attrs.standard),
    reason: textOf(c, F, "reason"),
  };
}

/** Keyed by lower-cased name: a registry may echo the name in another case than the <domain:cd>. */
export function checkFees(e: Envelope): Map<string, NameFees> {
  const data = child(e.extension, F, "chkData");
  const currency = textOf(data, F, "currency") ?? "USD";
  const byName = new Map<string, NameFees>();
  for (const cd of children(data, F, "cd")) {
    const key = (textOf(cd, F, "objID") ?? "").toLowerCase();
    const entry = byName.get(key) ?? { quotes: [], premium: false };
    byName.set(key, entry);
    for (const c of children(cd, F, "command")) {
      const q = quote(c, currency);
      if (q) entry.quotes.push(q);
    }
    if (textOf(cd, F, "class")?.toLowerCase() === "premium") entry.premium = true;
    if (!xsdBool(cd.attrs.avail, true)) entry.reason ??= textOf(cd, F, "reason") ?? "No fee given";
  }
  return byName;
}

const months = (p: NonNullable<FeeQuote["period"]>) => (p.unit === "y" ? p.value * 12 : p.value);

/**
 * The price of each billed command for the period we asked (create: `years`, the rest: one year).
 * A quote stating no period answers for the period we sent; a quote for another period is never
 * taken for ours, so a three-year create is not priced at a one-year quote.
 */
export function pricesFor(quotes: FeeQuote[], years: number): Partial<Record<FeeOperation, Money>> {
  const prices: Partial<Record<FeeOperation, Money>> = {};
  for (const op of BILLED) {
    const wanted = (op === "create" ? years : 1) * 12;
    const priced = quotes.filter((q) => q.command === op && q.price);
    const hit =
      priced.find((q) => q.period && months(q.period) === wanted) ?? priced.find((q) => q.period === undefined);
    if (hit?.price) prices[op] = hit.price;
  }
  return prices;
}
