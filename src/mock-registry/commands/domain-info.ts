/**
 * domain:info. The sponsor, or anyone presenting the right auth code, sees everything; others get the
 * minimal public view (Nomulus behaviour).
 */
import type { Command } from "../model/commands";
import type { DomainRecord } from "../model/records";
import type { ResponseData } from "../model/responses";
import { fail } from "../model/result-codes";
import { domainStatuses } from "../policy/statuses";
import type { HandlerContext } from "../session";
import { clearingPriceText } from "../lifecycle/auction";
import { activeGrace, parseName } from "./common";
import type { HandlerResult } from "./dispatch";

type Info = Extract<Command, { type: "domain:info" }>;

export function domainInfo(cmd: Info, ctx: HandlerContext): HandlerResult {
  const parsed = parseName(ctx, cmd.name);
  if (cmd.launch?.applicationId) return { data: applicationInfo(ctx, parsed.name, cmd.launch.applicationId) };
  const d = ctx.reg.store.domains.get(parsed.name);
  if (!d) fail(2303, "Resource with this id does not exist.", parsed.name);
  const sponsor = d.clID === ctx.clID;
  // A wrong code is refused even from the sponsor, as real registries do: it is a wrong code either way.
  if (cmd.authInfo !== undefined && cmd.authInfo !== d.authInfo) {
    fail(2202, "Authorization information for accessing resource is invalid.");
  }
  const full = sponsor || cmd.authInfo !== undefined;
  const statuses = domainStatuses(d);
  if (!full) {
    return {
      data: {
        kind: "domain:inf",
        name: d.name,
        roid: d.roid,
        statuses,
        contacts: [],
        hosts: [],
        clID: d.clID,
        rgp: [],
        ds: [],
      },
    };
  }
  return { data: fullInfo(ctx, d, statuses, cmd.hosts ?? "all") };
}

function fullInfo(
  ctx: HandlerContext,
  d: DomainRecord,
  statuses: string[],
  hosts: NonNullable<Info["hosts"]>,
): ResponseData {
  const subordinates = [...ctx.reg.store.hosts.values()].filter((h) => h.superordinate === d.name).map((h) => h.name);
  const rgp: string[] = activeGrace(d, ctx.now).map((g) => g.kind);
  if (d.deletion) rgp.push(d.deletion.phase);
  return {
    kind: "domain:inf",
    name: d.name,
    roid: d.roid,
    statuses,
    registrant: d.registrant,
    contacts: d.contacts,
    ns: hosts === "all" || hosts === "del" ? d.ns : undefined,
    hosts: hosts === "all" || hosts === "sub" ? subordinates : [],
    clID: d.clID,
    crID: d.crID,
    crDate: d.crDate,
    upID: d.upID,
    upDate: d.upDate,
    exDate: d.exDate,
    trDate: d.trDate,
    authInfo: d.clID === ctx.clID ? d.authInfo : undefined,
    rgp,
    ds: d.ds,
    launch: d.launch ? { phase: { phase: d.launch.phase }, applicationId: d.launch.applicationId } : undefined,
  };
}

function applicationInfo(ctx: HandlerContext, name: string, id: string): ResponseData {
  const app = ctx.reg.store.applications.get(id);
  if (!app || app.name !== name) fail(2303, "Resource with this id does not exist.", id);
  if (app.clID !== ctx.clID) fail(2201, "The specified resource belongs to another client.", id);
  return {
    kind: "domain:inf",
    name: app.name,
    roid: app.id,
    statuses: app.status === "allocated" || app.status === "rejected" ? ["ok"] : ["pendingCreate"],
    registrant: app.registrant,
    contacts: app.contacts,
    ns: app.ns,
    hosts: [],
    clID: app.clID,
    crID: app.clID,
    crDate: app.crDate,
    authInfo: app.authInfo,
    rgp: [],
    ds: app.ds,
    launch: {
      phase: { phase: app.phase },
      applicationId: app.id,
      status: app.status,
      statusText: app.clearingPrice !== undefined ? clearingPriceText(app.clearingPrice) : undefined,
    },
  };
}
