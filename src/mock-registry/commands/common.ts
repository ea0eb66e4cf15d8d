/** Lookups and checks shared by the command handlers. */
import type { TldPolicy } from "../config/tld-policy";
import type { FeeAck, FeeLine, FeeTransformResult, Period } from "../model/commands";
import type { ContactLink, DomainRecord } from "../model/records";
import { fail } from "../model/result-codes";
import { periodYears } from "../policy/dates";
import { parseDomainName, type ParsedDomain } from "../policy/names";
import type { Quote } from "../policy/pricing";
import type { HandlerContext } from "../session";

export const CURRENCY = "USD";

export function parseName(ctx: HandlerContext, name: string): ParsedDomain {
  return parseDomainName(name, ctx.reg.tlds);
}

export function loadDomain(ctx: HandlerContext, name: string): { domain: DomainRecord; parsed: ParsedDomain } {
  const parsed = parseName(ctx, name);
  const domain = ctx.reg.store.domains.get(parsed.name);
  if (!domain) fail(2303, "Resource with this id does not exist.", parsed.name);
  return { domain, parsed };
}

export function loadOwnDomain(ctx: HandlerContext, name: string): { domain: DomainRecord; parsed: ParsedDomain } {
  const found = loadDomain(ctx, name);
  if (found.domain.clID !== ctx.clID)
    fail(2201, "The specified resource belongs to another client.", found.parsed.name);
  return found;
}

export function years(period: Period | undefined, policy: TldPolicy): number {
  if (period && period.unit !== "y") fail(2306, "Periods for domain registrations must be specified in years.");
  const y = periodYears(period);
  if (y > policy.maxPeriod) fail(2004, "New registration period exceeds maximum number of years.");
  if (y < policy.minPeriod) fail(2306, `Registration periods in .${policy.tld} start at ${policy.minPeriod} year(s).`);
  return y;
}

/** ISO 4217 codes as the runtime's ICU data knows them (current currencies). */
const ISO_4217 = new Set(Intl.supportedValuesOf("currency"));

/** A code that is no currency at all is out of range (2004); a real one this registry does not bill in is policy (2306). */
export function checkCurrency(code: string): void {
  if (!ISO_4217.has(code)) fail(2004, "Unknown currency.", code);
  if (code !== CURRENCY) fail(2306, "The requested fees cannot be provided in the requested currency.", code);
}

/** RFC 8748: premium names need an explicit fee; a lower fee than the registry's is refused. */
export function acknowledgeFee(q: Quote, fee: FeeAck | undefined): void {
  if (fee) checkCurrency(fee.currency);
  if (!fee && q.premium)
    fail(2003, "Fees must be explicitly acknowledged when performing any operations on a premium name.");
  if (fee && fee.amount < q.total)
    fail(2004, "The fees passed in the transform command do not match the fees that will be charged.");
}

export function feeResult(ctx: HandlerContext, fees: FeeLine[], credits: FeeLine[] = []): FeeTransformResult {
  const acct = ctx.reg.store.accounts.get(ctx.clID);
  return { currency: CURRENCY, fees, credits, balance: acct?.balance ?? 0, creditLimit: acct?.creditLimit ?? 0 };
}

/** Contacts on a domain must follow the TLD's data policy and exist under this registrar. */
export function checkDomainContacts(
  ctx: HandlerContext,
  policy: TldPolicy,
  registrant: string | undefined,
  contacts: ContactLink[],
): void {
  if (policy.contacts === "prohibited" && (registrant || contacts.length > 0)) {
    fail(2306, `Contacts are prohibited by the .${policy.tld} data policy.`);
  }
  const roles = new Set<string>();
  for (const c of contacts) {
    if (roles.has(c.type)) fail(2306, "More than one contact for a given role is not allowed.");
    roles.add(c.type);
  }
  if (policy.contacts === "required") {
    if (!registrant) fail(2003, "Registrant is required.");
    if (!roles.has("admin")) fail(2003, "Admin contact is required.");
    if (!roles.has("tech")) fail(2003, "Technical contact is required.");
  }
  for (const id of [registrant, ...contacts.map((c) => c.id)]) {
    if (!id) continue;
    const contact = ctx.reg.store.contacts.get(id);
    if (!contact) fail(2303, "Resource linked to this domain does not exist.", id);
    if (contact.clID !== ctx.clID) fail(2201, "The specified resource belongs to another client.", id);
  }
}

export function checkNameservers(ctx: HandlerContext, policy: TldPolicy, ns: string[]): void {
  if (ns.length > policy.maxNameservers) fail(2306, "Too many nameservers set on this domain.");
  for (const h of ns) {
    if (!ctx.reg.store.hosts.get(h)) fail(2303, "Resource linked to this domain does not exist.", h);
  }
}

export function checkDnssecPolicy(policy: TldPolicy, ns: string[], dsCount: number): void {
  if (policy.dnssec === "unsupported" && dsCount > 0) fail(2306, `DNSSEC is not supported in .${policy.tld}.`);
  if (policy.dnssec === "required" && ns.length > 0 && dsCount === 0) {
    fail(2306, `Delegated names in .${policy.tld} must carry DS data (DNSSEC is required).`);
  }
}

export function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

export function activeGrace(d: DomainRecord, now: number) {
  return d.grace.filter((g) => g.until > now);
}
