/**
 * Host objects (RFC 5732). A host under a domain of this registry is subordinate: its domain must be
 * ours and it needs glue addresses; any other host is external and must have none.
 */
import { isIPv4, isIPv6 } from "node:net";
import { domainToASCII, domainToUnicode } from "node:url";
import type { Command } from "../model/commands";
import type { HostAddr, HostRecord } from "../model/records";
import { fail } from "../model/result-codes";
import { checkGlueRoutable } from "../policy/glue-addresses";
import { normalizeHostName } from "../policy/names";
import { CLIENT_OBJECT_STATUSES, objectStatuses } from "../policy/statuses";
import type { HandlerContext } from "../session";
import { uniq } from "./common";
import type { HandlerResult } from "./dispatch";

type Of<T extends Command["type"]> = Extract<Command, { type: T }>;

function checkAddrs(addrs: HostAddr[]): void {
  for (const a of addrs) {
    const ok = a.ip === "v6" ? isIPv6(a.addr) : isIPv4(a.addr);
    if (!ok) fail(2004, "IP address version mismatch.", a.addr);
  }
  checkGlueRoutable(addrs);
}

/**
 * Label rules a host name must meet beyond LDH (RFC 5890 §2.3.1, RFC 3696 §2): only A-labels may have
 * hyphens in the third and fourth positions, an A-label must decode, and the last label is not numeric.
 */
function hostName(raw: string): string {
  const name = normalizeHostName(raw);
  const labels = name.split(".");
  for (const label of labels) {
    if (label.slice(2, 4) !== "--") continue;
    if (!label.startsWith("xn--")) fail(2005, "Invalid host name.", raw);
    const unicode = domainToUnicode(label);
    if (!unicode || unicode === label || domainToASCII(unicode) !== label) fail(2005, "Invalid host name.", raw);
  }
  if (/^\d+$/.test(labels[labels.length - 1])) fail(2005, "Invalid host name.", raw);
  return name;
}

/** The registry domain a host name is subordinate to, checked for ownership and state. */
function superordinateOf(ctx: HandlerContext, name: string): string | undefined {
  if (!ctx.reg.tldOf(name)) return undefined;
  const parts = name.split(".");
  if (parts.length < 3) fail(2306, "Host names must be at least two levels below the registry suffix.");
  const domainName = parts.slice(-2).join(".");
  const d = ctx.reg.store.domains.get(domainName);
  if (!d) fail(2303, "Superordinate domain for this hostname does not exist.", domainName);
  if (d.clID !== ctx.clID) fail(2201, "Domain for host is sponsored by another registrar.", domainName);
  if (d.deletion) fail(2304, "Superordinate domain for this hostname is in pending delete.");
  return domainName;
}

function isLinked(ctx: HandlerContext, name: string): boolean {
  for (const d of ctx.reg.store.domains.values()) if (d.ns.includes(name)) return true;
  return false;
}

function loadOwnHost(ctx: HandlerContext, raw: string): HostRecord {
  const h = ctx.reg.store.hosts.get(hostName(raw));
  if (!h) fail(2303, "Resource with this id does not exist.", raw);
  if (h.clID !== ctx.clID) fail(2201, "The specified resource belongs to another client.", raw);
  return h;
}

export function hostCheck(cmd: Of<"host:check">, ctx: HandlerContext): HandlerResult {
  if (cmd.names.length > 50) fail(2306, "Too many resource checks requested in one check command.");
  const items = cmd.names.map((n) => {
    const exists = ctx.reg.store.hosts.get(n.toLowerCase()) !== undefined;
    return { name: n, avail: !exists, reason: exists ? "In use" : undefined };
  });
  return { data: { kind: "host:chk", items } };
}

export function hostInfo(cmd: Of<"host:info">, ctx: HandlerContext): HandlerResult {
  const h = ctx.reg.store.hosts.get(hostName(cmd.name));
  if (!h) fail(2303, "Resource with this id does not exist.", cmd.name);
  const statuses = objectStatuses(h.statuses, isLinked(ctx, h.name));
  return { data: { kind: "host:inf", ...h, statuses } };
}

export function hostCreate(cmd: Of<"host:create">, ctx: HandlerContext): HandlerResult {
  const name = hostName(cmd.name);
  if (ctx.reg.store.hosts.get(name)) fail(2302, "Resource with this id already exists.", name);
  const superordinate = superordinateOf(ctx, name);
  if (superordinate && cmd.addrs.length === 0) fail(2003, "Subordinate hosts must have an ip address.");
  if (!superordinate && cmd.addrs.length > 0) fail(2004, "External hosts must not have ip addresses.");
  checkAddrs(cmd.addrs);
  const roid = ctx.reg.roid("H", ctx.reg.tldOf(name));
  const host: HostRecord = {
    roid,
    name,
    clID: ctx.clID,
    crID: ctx.clID,
    crDate: ctx.now,
    addrs: cmd.addrs,
    statuses: [],
    superordinate,
  };
  ctx.reg.store.hosts.put(name, host);
  return { data: { kind: "host:cre", name, crDate: ctx.now } };
}

export function hostUpdate(cmd: Of<"host:update">, ctx: HandlerContext): HandlerResult {
  const h = loadOwnHost(ctx, cmd.name);
  if (h.statuses.some((s) => s === "serverUpdateProhibited")) fail(2304, "Resource status prohibits this operation.");
  if (h.statuses.includes("clientUpdateProhibited") && !cmd.rem.statuses.includes("clientUpdateProhibited")) {
    fail(2304, "This resource has clientUpdateProhibited on it, and the update does not clear that status.");
  }
  for (const s of [...cmd.add.statuses, ...cmd.rem.statuses]) {
    if (!CLIENT_OBJECT_STATUSES.includes(s)) fail(2004, "The specified status value cannot be set by clients.", s);
  }
  const key = (a: HostAddr) => `${a.ip}:${a.addr}`;
  if (
    cmd.add.addrs.some((a) => cmd.rem.addrs.some((r) => key(r) === key(a))) ||
    cmd.add.statuses.some((s) => cmd.rem.statuses.includes(s))
  ) {
    fail(2306, "Cannot add and remove the same value.");
  }
  const has = (a: HostAddr) => h.addrs.some((x) => key(x) === key(a));
  const present = cmd.add.addrs.find(has);
  if (present) fail(2306, "The host already has this address.", present.addr);
  const absent = cmd.rem.addrs.find((a) => !has(a));
  if (absent) fail(2306, "The host does not have this address.", absent.addr);
  checkAddrs(cmd.add.addrs);
  const newName = cmd.newName ? hostName(cmd.newName) : undefined;
  if (newName && newName !== h.name && ctx.reg.store.hosts.get(newName))
    fail(2302, "Host with specified name already exists.", newName);
  if (newName && !h.superordinate) fail(2304, "Cannot rename an external host.");
  const superordinate = newName ? superordinateOf(ctx, newName) : h.superordinate;
  const remKeys = new Set(cmd.rem.addrs.map(key));
  const addrs = [...h.addrs.filter((a) => !remKeys.has(key(a))), ...cmd.add.addrs];
  if (!superordinate && cmd.add.addrs.length > 0) fail(2004, "Cannot add IP addresses to an external host.");
  if (!superordinate && addrs.length > 0)
    fail(2004, "Host rename from subordinate to external must also remove all IP addresses.");
  if (superordinate && addrs.length === 0) fail(2304, "Cannot remove all IP addresses from a subordinate host.");
  const updated: HostRecord = {
    ...h,
    addrs,
    superordinate,
    statuses: uniq([...h.statuses.filter((s) => !cmd.rem.statuses.includes(s)), ...cmd.add.statuses]),
    upID: ctx.clID,
    upDate: ctx.now,
  };
  if (newName && newName !== h.name) {
    ctx.reg.store.hosts.delete(h.name);
    updated.name = newName;
    for (const d of ctx.reg.store.domains.values()) {
      if (d.ns.includes(h.name)) {
        d.ns = d.ns.map((n) => (n === h.name ? newName : n));
        ctx.reg.store.domains.put(d.name, d);
      }
    }
  }
  ctx.reg.store.hosts.put(updated.name, updated);
  return {};
}

export function hostDelete(cmd: Of<"host:delete">, ctx: HandlerContext): HandlerResult {
  const h = loadOwnHost(ctx, cmd.name);
  if (h.statuses.some((s) => s.endsWith("DeleteProhibited"))) fail(2304, "Resource status prohibits this operation.");
  if (isLinked(ctx, h.name)) fail(2305, "Resource to be deleted has active incoming references.");
  ctx.reg.store.hosts.delete(h.name);
  return {};
}
