/** domain:create, including sunrise registrations, claims creates and landrush applications. */
import type { Command, FeeLine } from "../model/commands";
import type { DomainRecord, LaunchPhase } from "../model/records";
import { fail } from "../model/result-codes";
import { addDays, addYears } from "../policy/dates";
import { validateDs } from "../policy/ds";
import { quote } from "../policy/pricing";
import type { HandlerContext } from "../session";
import {
  acknowledgeFee,
  checkDnssecPolicy,
  checkDomainContacts,
  checkNameservers,
  feeResult,
  parseName,
  uniq,
  years,
} from "./common";
import type { HandlerResult } from "./dispatch";
import { checkLaunchContacts, gateCreate } from "./launch-gate";

type Create = Extract<Command, { type: "domain:create" }>;

function applied(ctx: HandlerContext, name: string, id: string, phase: LaunchPhase, fees: FeeLine[]): HandlerResult {
  const launch = { phase: { phase }, applicationId: id };
  return { code: 1001, data: { kind: "domain:cre", name, crDate: ctx.now, fee: feeResult(ctx, fees), launch } };
}

/**
 * A landrush application repeated by its registrar (same name and auth code, still pending) is
 * answered with the first one rather than becoming a second bid against itself: a client whose
 * answer was lost can apply again safely. Mock-only, decision 121.
 */
function repeatedApplication(ctx: HandlerContext, name: string, authInfo: string) {
  for (const app of ctx.reg.store.applications.values())
    if (app.clID === ctx.clID && app.name === name && app.authInfo === authInfo && app.status === "pendingAllocation")
      return app;
  return undefined;
}

const MIN_AUTH_LENGTH = 6;

export function domainCreate(cmd: Create, ctx: HandlerContext): HandlerResult {
  const { reg, now, clID } = ctx;
  const { name, label, tld, policy } = parseName(ctx, cmd.name);
  const y = years(cmd.period, policy);
  if (policy.reserved.includes(label)) fail(2304, "Requested domain is reserved.");
  const window = reg.phaseOf(policy);
  const gate = gateCreate(policy, label, window, cmd.launch, now);
  if (reg.store.domains.get(name)) fail(2302, "Resource with this id already exists.", name);
  checkDomainContacts(ctx, policy, cmd.registrant, cmd.contacts);
  checkLaunchContacts(policy, window, cmd.registrant, cmd.contacts);
  const ns = uniq(cmd.ns.map((h) => h.toLowerCase()));
  checkNameservers(ctx, policy, ns);
  if (cmd.maxSigLife !== undefined) fail(2102, "The 'maxSigLife' setting is not supported.");
  if (cmd.keyData) fail(2306, "Only the DS data interface of RFC 5910 is supported.");
  const ds = cmd.ds ?? [];
  validateDs(ds, policy.maxDs);
  checkDnssecPolicy(policy, ns, ds.length);
  if (cmd.authInfo.length < MIN_AUTH_LENGTH) fail(2306, `Auth info must be at least ${MIN_AUTH_LENGTH} characters.`);
  const q = quote(policy, label, "create", y, { anchor: reg.store.meta.anchor, now, phase: window.phase });
  acknowledgeFee(q, cmd.fee);
  const phase = gate.launch?.phase ?? "landrush";
  if (gate.application && phase === "landrush") {
    const repeated = repeatedApplication(ctx, name, cmd.authInfo);
    if (repeated) return applied(ctx, name, repeated.id, phase, q.fees);
  }
  reg.charge(clID, q.total);

  if (gate.application) {
    const id = reg.roid("A", tld);
    reg.store.applications.put(id, {
      id,
      name,
      tld,
      phase: gate.launch?.phase ?? "landrush",
      clID,
      crDate: now,
      status: "pendingAllocation",
      periodYears: y,
      registrant: cmd.registrant,
      contacts: cmd.contacts,
      ns,
      authInfo: cmd.authInfo,
      ds,
      amount: q.total,
      // Mock-only: the fee a landrush applicant agrees to is its sealed bid (decision 121).
      bid: phase === "landrush" ? Math.max(cmd.fee?.amount ?? q.total, q.total) : undefined,
    });
    if (window.end !== undefined) reg.schedule(window.end);
    return applied(ctx, name, id, phase, q.fees);
  }

  const domain: DomainRecord = {
    roid: reg.roid("D", tld),
    name,
    tld,
    clID,
    crID: clID,
    crDate: now,
    exDate: addYears(now, y),
    registrant: cmd.registrant,
    contacts: cmd.contacts,
    ns,
    statuses: [],
    authInfo: cmd.authInfo,
    ds,
    grace: [{ kind: "addPeriod", until: addDays(now, policy.grace.add), amount: q.total }],
    launch: gate.launch,
  };
  reg.store.domains.put(name, domain);
  reg.schedule(domain.grace[0].until);
  return { data: { kind: "domain:cre", name, crDate: now, exDate: domain.exDate, fee: feeResult(ctx, q.fees) } };
}
