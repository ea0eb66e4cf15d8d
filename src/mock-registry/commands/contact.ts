/** Contact objects (RFC 5733). Only the sponsor, or a registrar with the auth code, may read one. */
import type { Command, PostalInfoChange } from "../model/commands";
import type { ContactRecord, PostalInfo } from "../model/records";
import { fail } from "../model/result-codes";
import { CLIENT_OBJECT_STATUSES, objectStatuses } from "../policy/statuses";
import type { HandlerContext } from "../session";
import { uniq } from "./common";
import type { HandlerResult } from "./dispatch";

type Of<T extends Command["type"]> = Extract<Command, { type: T }>;

const E164 = /^\+\d{1,3}\.\d{1,14}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function checkFields(p: { postalInfo?: PostalInfo[]; voice?: string; fax?: string; email?: string }): void {
  for (const info of p.postalInfo ?? []) {
    const text = [info.name, info.org, ...info.street, info.city, info.sp, info.pc].join("");
    if (info.type === "int" && /[^\x20-\x7e]/.test(text))
      fail(2005, "Internationalized postal infos can only contain ASCII characters.");
    if (!/^[A-Z]{2}$/.test(info.cc)) fail(2005, "Country code must be two upper-case letters (ISO 3166-1).", info.cc);
  }
  for (const phone of [p.voice, p.fax])
    if (phone && !E164.test(phone)) fail(2005, "Phone numbers must be in the form +CC.NNNN.", phone);
  if (p.email !== undefined && !EMAIL.test(p.email)) fail(2005, "Email address is malformed.", p.email);
}

function isLinked(ctx: HandlerContext, id: string): boolean {
  for (const d of ctx.reg.store.domains.values()) {
    if (d.registrant === id || d.contacts.some((c) => c.id === id)) return true;
  }
  return false;
}

function load(ctx: HandlerContext, id: string): ContactRecord {
  const c = ctx.reg.store.contacts.get(id);
  if (!c) fail(2303, "Resource with this id does not exist.", id);
  return c;
}

function loadOwn(ctx: HandlerContext, id: string): ContactRecord {
  const c = load(ctx, id);
  if (c.clID !== ctx.clID) fail(2201, "The specified resource belongs to another client.", id);
  return c;
}

export function contactCheck(cmd: Of<"contact:check">, ctx: HandlerContext): HandlerResult {
  if (cmd.ids.length > 50) fail(2306, "Too many resource checks requested in one check command.");
  const items = cmd.ids.map((id) => {
    const exists = ctx.reg.store.contacts.get(id) !== undefined;
    return { id, avail: !exists, reason: exists ? "In use" : undefined };
  });
  return { data: { kind: "contact:chk", items } };
}

export function contactInfo(cmd: Of<"contact:info">, ctx: HandlerContext): HandlerResult {
  const c = load(ctx, cmd.id);
  const sponsor = c.clID === ctx.clID;
  if (!sponsor && cmd.authInfo === undefined) fail(2201, "The specified resource belongs to another client.", cmd.id);
  if (!sponsor && cmd.authInfo !== c.authInfo)
    fail(2202, "Authorization information for accessing resource is invalid.");
  const { authInfo, ...rest } = c;
  return {
    data: {
      kind: "contact:inf",
      ...rest,
      statuses: objectStatuses(c.statuses, isLinked(ctx, c.id)),
      authInfo: sponsor ? authInfo : undefined,
    },
  };
}

export function contactCreate(cmd: Of<"contact:create">, ctx: HandlerContext): HandlerResult {
  if (ctx.reg.store.contacts.get(cmd.id)) fail(2302, "Resource with this id already exists.", cmd.id);
  checkFields(cmd);
  const record: ContactRecord = {
    roid: ctx.reg.roid("C"),
    id: cmd.id,
    clID: ctx.clID,
    crID: ctx.clID,
    crDate: ctx.now,
    postalInfo: cmd.postalInfo,
    voice: cmd.voice,
    fax: cmd.fax,
    email: cmd.email,
    authInfo: cmd.authInfo,
    statuses: [],
  };
  ctx.reg.store.contacts.put(cmd.id, record);
  return { data: { kind: "contact:cre", id: cmd.id, crDate: ctx.now } };
}

export function contactUpdate(cmd: Of<"contact:update">, ctx: HandlerContext): HandlerResult {
  const c = loadOwn(ctx, cmd.id);
  if (c.statuses.includes("serverUpdateProhibited")) fail(2304, "Resource status prohibits this operation.");
  if (c.statuses.includes("clientUpdateProhibited") && !cmd.rem.statuses.includes("clientUpdateProhibited")) {
    fail(2304, "This resource has clientUpdateProhibited on it, and the update does not clear that status.");
  }
  for (const s of [...cmd.add.statuses, ...cmd.rem.statuses]) {
    if (!CLIENT_OBJECT_STATUSES.includes(s)) fail(2004, "The specified status value cannot be set by clients.", s);
  }
  if (cmd.add.statuses.some((s) => cmd.rem.statuses.includes(s))) fail(2306, "Cannot add and remove the same value.");
  const { voice, fax, email, authInfo } = cmd.chg;
  const postalInfo = cmd.chg.postalInfo ? mergePostalInfo(c.postalInfo, cmd.chg.postalInfo) : c.postalInfo;
  checkFields({ ...cmd.chg, postalInfo });
  const updated: ContactRecord = {
    ...c,
    postalInfo,
    voice: voice ?? c.voice,
    fax: fax ?? c.fax,
    email: email ?? c.email,
    authInfo: authInfo ?? c.authInfo,
    statuses: uniq([...c.statuses.filter((s) => !cmd.rem.statuses.includes(s)), ...cmd.add.statuses]),
    upID: ctx.clID,
    upDate: ctx.now,
  };
  ctx.reg.store.contacts.put(c.id, updated);
  return {};
}

/** Each change keeps what it does not name; a postalInfo type the contact lacks must come whole (2003). */
function mergePostalInfo(current: PostalInfo[], changes: PostalInfoChange[]): PostalInfo[] {
  const byType = new Map(current.map((p) => [p.type, p]));
  for (const ch of changes) {
    const old = byType.get(ch.type);
    const addressGiven = ch.city !== undefined || ch.cc !== undefined || ch.street !== undefined;
    const name = ch.name ?? old?.name;
    if (name === undefined) fail(2003, `A new ${ch.type} postalInfo needs a name.`);
    if (!addressGiven && !old) fail(2003, `A new ${ch.type} postalInfo needs an address.`);
    const address =
      addressGiven || !old
        ? { street: ch.street ?? [], city: ch.city ?? "", sp: ch.sp, pc: ch.pc, cc: ch.cc ?? "" }
        : { street: old.street, city: old.city, sp: old.sp, pc: old.pc, cc: old.cc };
    byType.set(ch.type, { type: ch.type, name, org: ch.org ?? old?.org, ...address });
  }
  return [...byType.values()];
}

export function contactDelete(cmd: Of<"contact:delete">, ctx: HandlerContext): HandlerResult {
  const c = loadOwn(ctx, cmd.id);
  if (c.statuses.some((s) => s.endsWith("DeleteProhibited"))) fail(2304, "Resource status prohibits this operation.");
  if (isLinked(ctx, c.id)) fail(2305, "Resource to be deleted has active incoming references.");
  ctx.reg.store.contacts.delete(c.id);
  return {};
}
