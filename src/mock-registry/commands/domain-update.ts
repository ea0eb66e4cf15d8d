/** domain:update: nameservers, contacts, client statuses, registrant, auth code and DS data (RFC 5910). */
import type { Command } from "../model/commands";
import type { DomainRecord } from "../model/records";
import { fail } from "../model/result-codes";
import { sameDs, validateDs } from "../policy/ds";
import { CLIENT_DOMAIN_STATUSES, domainStatuses } from "../policy/statuses";
import type { HandlerContext } from "../session";
import { checkDnssecPolicy, checkDomainContacts, checkNameservers, loadOwnDomain, uniq } from "./common";
import type { HandlerResult } from "./dispatch";
import { domainRestore } from "./domain-restore";

type Update = Extract<Command, { type: "domain:update" }>;

function hasChanges(cmd: Update): boolean {
  const { add, rem, chg } = cmd;
  return (
    add.ns.length +
      add.contacts.length +
      add.statuses.length +
      rem.ns.length +
      rem.contacts.length +
      rem.statuses.length >
      0 ||
    chg.registrant !== undefined ||
    chg.authInfo !== undefined ||
    cmd.secDns !== undefined
  );
}

export function domainUpdate(cmd: Update, ctx: HandlerContext): HandlerResult {
  const { domain: d, parsed } = loadOwnDomain(ctx, cmd.name);
  if (cmd.restore) {
    if (hasChanges(cmd)) fail(2002, "Restore command cannot have other changes specified.");
    return domainRestore(cmd.restore, ctx, d, parsed, cmd.fee);
  }
  const statuses = domainStatuses(d);
  if (statuses.some((s) => s === "pendingDelete" || s === "pendingTransfer" || s === "serverUpdateProhibited")) {
    fail(2304, "Resource status prohibits this operation.");
  }
  if (statuses.includes("clientUpdateProhibited") && !cmd.rem.statuses.includes("clientUpdateProhibited")) {
    fail(2304, "This resource has clientUpdateProhibited on it, and the update does not clear that status.");
  }
  for (const s of [...cmd.add.statuses, ...cmd.rem.statuses]) {
    if (!CLIENT_DOMAIN_STATUSES.includes(s)) fail(2004, "The specified status value cannot be set by clients.", s);
  }
  const overlaps = <T>(a: T[], b: T[], key: (x: T) => string) => a.some((x) => b.some((y) => key(x) === key(y)));
  if (
    overlaps(cmd.add.statuses, cmd.rem.statuses, String) ||
    overlaps(cmd.add.ns, cmd.rem.ns, (h) => h.toLowerCase()) ||
    overlaps(cmd.add.contacts, cmd.rem.contacts, (c) => `${c.type}:${c.id}`)
  ) {
    fail(2306, "Cannot add and remove the same value.");
  }
  refuseNoOps(d, cmd);
  const next = applyChanges(d, cmd);
  checkNameservers(ctx, parsed.policy, cmd.add.ns.length > 0 ? next.ns : []);
  if (next.ns.length > parsed.policy.maxNameservers) fail(2306, "Too many nameservers set on this domain.");
  if (cmd.add.contacts.length + cmd.rem.contacts.length > 0 || cmd.chg.registrant !== undefined) {
    checkDomainContacts(ctx, parsed.policy, next.registrant, next.contacts);
  }
  if (cmd.secDns) {
    const s = cmd.secDns;
    if (s.urgent) fail(2102, "The 'urgent' attribute is not supported.");
    if (s.maxSigLife !== undefined) fail(2102, "Changing 'maxSigLife' is not supported.");
    if (s.keyData) fail(2306, "Only the DS data interface of RFC 5910 is supported.");
    if (!s.remAll && s.rem.length === 0 && s.add.length === 0)
      fail(2003, "At least one of 'add' or 'rem' is required on a secDNS update.");
    validateDs(s.add, parsed.policy.maxDs);
    if (!s.remAll) {
      const absent = s.rem.find((r) => !next.ds.some((x) => sameDs(r, x)));
      if (absent) fail(2306, "The domain has no such DS record to remove.", String(absent.keyTag));
    }
    const kept = s.remAll ? [] : next.ds.filter((x) => !s.rem.some((r) => sameDs(r, x)));
    const present = s.add.find((a) => kept.some((k) => sameDs(k, a)));
    if (present) fail(2306, "The domain already has this DS record.", String(present.keyTag));
    next.ds = [...kept, ...s.add.filter((a) => !kept.some((k) => sameDs(k, a)))];
    if (next.ds.length > parsed.policy.maxDs) fail(2306, "Too many DS records set on a domain.");
  }
  checkDnssecPolicy(parsed.policy, next.ns, next.ds.length);
  if (cmd.chg.authInfo !== undefined && cmd.chg.authInfo.length < 6)
    fail(2306, "Auth info must be at least 6 characters.");
  Object.assign(d, next, { upID: ctx.clID, upDate: ctx.now });
  if (cmd.chg.authInfo !== undefined) d.authInfo = cmd.chg.authInfo;
  ctx.reg.store.domains.put(d.name, d);
  return {};
}

/** Adding what is there or removing what is not is refused (2306), not silently accepted. */
function refuseNoOps(d: DomainRecord, cmd: Update): void {
  const contactKey = (c: { type: string; id: string }) => `${c.type}:${c.id}`;
  const lower = (hosts: string[]) => hosts.map((h) => h.toLowerCase());
  const lists = [
    { what: "status", current: d.statuses, add: cmd.add.statuses, rem: cmd.rem.statuses },
    { what: "nameserver", current: d.ns, add: lower(cmd.add.ns), rem: lower(cmd.rem.ns) },
    {
      what: "contact",
      current: d.contacts.map(contactKey),
      add: cmd.add.contacts.map(contactKey),
      rem: cmd.rem.contacts.map(contactKey),
    },
  ];
  for (const l of lists) {
    const present = l.add.find((x) => l.current.includes(x));
    if (present !== undefined) fail(2306, `The domain already has this ${l.what}.`, present);
    const absent = l.rem.find((x) => !l.current.includes(x));
    if (absent !== undefined) fail(2306, `The domain does not have this ${l.what}.`, absent);
  }
}

function applyChanges(
  d: DomainRecord,
  cmd: Update,
): Pick<DomainRecord, "ns" | "contacts" | "statuses" | "registrant" | "ds"> {
  const remNs = new Set(cmd.rem.ns.map((h) => h.toLowerCase()));
  const remContacts = new Set(cmd.rem.contacts.map((c) => `${c.type}:${c.id}`));
  return {
    ns: uniq([...d.ns.filter((h) => !remNs.has(h)), ...cmd.add.ns.map((h) => h.toLowerCase())]),
    contacts: [...d.contacts.filter((c) => !remContacts.has(`${c.type}:${c.id}`)), ...cmd.add.contacts],
    statuses: uniq([...d.statuses.filter((s) => !cmd.rem.statuses.includes(s)), ...cmd.add.statuses]),
    registrant: cmd.chg.registrant !== undefined ? cmd.chg.registrant || undefined : d.registrant,
    ds: d.ds,
  };
}
