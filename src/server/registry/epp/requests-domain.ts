/** EPP request bodies for domain operations (RFC 5731 with fee, launch, secDNS and rgp extensions). */
import type { OpInput } from "../core/port";
import type { ContactLink, DsRecord, Money } from "../core/types";
import { NS } from "./namespaces";
import { el, esc, tx } from "./xml";

export interface RequestBody {
  command: string;
  extension?: string;
}

const D = { "xmlns:domain": NS.domain };
const FEE = { "xmlns:fee": NS.fee };

export function decimal(m: Money): string {
  const abs = Math.abs(m.amount);
  return `${m.amount < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const period = (years: number | undefined) => tx("domain:period", years, { unit: "y" });
const auth = (pw: string | undefined) =>
  pw === undefined ? undefined : el("domain:authInfo", null, tx("domain:pw", pw));
const contacts = (cs: ContactLink[] | undefined) =>
  (cs ?? []).map((c) => tx("domain:contact", c.id, { type: c.type })).join("");
const hostObjs = (ns: string[] | undefined) =>
  ns && ns.length > 0 ? el("domain:ns", null, ...ns.map((h) => tx("domain:hostObj", h))) : undefined;
const statuses = (ss: string[] | undefined) => (ss ?? []).map((s) => el("domain:status", { s })).join("");
const feeAck = (name: string, m: Money | undefined) =>
  m ? el(`fee:${name}`, FEE, tx("fee:currency", m.currency), el("fee:fee", null, decimal(m))) : undefined;

function dsData(d: DsRecord): string {
  return el(
    "secDNS:dsData",
    null,
    tx("secDNS:keyTag", d.keyTag),
    tx("secDNS:alg", d.alg),
    tx("secDNS:digestType", d.digestType),
    tx("secDNS:digest", d.digest),
  );
}

export function domainCheck(i: OpInput<"checkDomains">): RequestBody {
  const commands = (["create", "renew", "transfer", "restore"] as const).map((name) =>
    el("fee:command", { name }, tx("fee:period", name === "create" ? (i.years ?? 1) : 1, { unit: "y" })),
  );
  return {
    command: el("check", null, el("domain:check", D, ...i.names.map((n) => tx("domain:name", n)))),
    extension: el("fee:check", FEE, tx("fee:currency", "USD"), ...commands),
  };
}

export function claimsCheck(i: OpInput<"claimsCheck">): RequestBody {
  return {
    command: el("check", null, el("domain:check", D, ...i.names.map((n) => tx("domain:name", n)))),
    extension: el("launch:check", { "xmlns:launch": NS.launch, type: i.anyPhase ? "trademark" : "claims" }),
  };
}

function launchCreate(i: OpInput<"createDomain">): string | undefined {
  const l = i.launch;
  if (!l) return undefined;
  const attrs = {
    "xmlns:launch": NS.launch,
    type: l.phase === "landrush" || (l.phase === "sunrise" && l.application) ? "application" : "registration",
  };
  if (l.phase === "sunrise") {
    return el(
      "launch:create",
      attrs,
      tx("launch:phase", "sunrise"),
      el("smd:encodedSignedMark", { "xmlns:smd": NS.smd }, esc(l.encodedSignedMark)),
    );
  }
  const n = l.notice;
  const notice = n
    ? el(
        "launch:notice",
        null,
        tx("launch:noticeID", n.noticeId, { validatorID: n.validatorId }),
        tx("launch:notAfter", n.notAfter),
        tx("launch:acceptedDate", n.acceptedDate),
      )
    : undefined;
  return el("launch:create", attrs, tx("launch:phase", l.phase), notice);
}

export function domainCreate(i: OpInput<"createDomain">): RequestBody {
  const body = el(
    "domain:create",
    D,
    tx("domain:name", i.name),
    period(i.years),
    hostObjs(i.nameservers),
    tx("domain:registrant", i.registrant),
    contacts(i.contacts),
    auth(i.authInfo),
  );
  const ext = [
    i.ds && i.ds.length > 0 ? el("secDNS:create", { "xmlns:secDNS": NS.secDNS }, ...i.ds.map(dsData)) : undefined,
    launchCreate(i),
    feeAck("create", i.fee),
  ].filter((x): x is string => Boolean(x));
  return { command: el("create", null, body), extension: ext.join("") || undefined };
}

export function domainInfo(i: OpInput<"infoDomain">): RequestBody {
  const launch = i.applicationId
    ? el(
        "launch:info",
        { "xmlns:launch": NS.launch },
        tx("launch:phase", i.phase ?? "landrush"),
        tx("launch:applicationID", i.applicationId),
      )
    : undefined;
  return {
    command: el(
      "info",
      null,
      el("domain:info", D, tx("domain:name", i.name, { hosts: i.hosts ?? "all" }), auth(i.authInfo)),
    ),
    extension: launch,
  };
}

export function domainRenew(i: OpInput<"renewDomain">): RequestBody {
  return {
    command: el(
      "renew",
      null,
      el(
        "domain:renew",
        D,
        tx("domain:name", i.name),
        tx("domain:curExpDate", i.currentExpiry.slice(0, 10)),
        period(i.years),
      ),
    ),
    extension: feeAck("renew", i.fee),
  };
}

export function domainTransfer(i: OpInput<"transferDomain">): RequestBody {
  return {
    command: el(
      "transfer",
      { op: i.op },
      el("domain:transfer", D, tx("domain:name", i.name), period(i.years), auth(i.authInfo)),
    ),
    extension: i.op === "request" ? feeAck("transfer", i.fee) : undefined,
  };
}

export function domainUpdate(i: OpInput<"updateDomain">): RequestBody {
  const add = hostObjs(i.add?.nameservers) ?? "";
  const addBody = add + contacts(i.add?.contacts) + statuses(i.add?.statuses);
  const remBody = (hostObjs(i.remove?.nameservers) ?? "") + contacts(i.remove?.contacts) + statuses(i.remove?.statuses);
  const chgBody = (tx("domain:registrant", i.registrant) ?? "") + (auth(i.authInfo) ?? "");
  const ds = i.ds;
  const secDns = ds
    ? el(
        "secDNS:update",
        { "xmlns:secDNS": NS.secDNS },
        ds.removeAll
          ? el("secDNS:rem", null, tx("secDNS:all", "true"))
          : ds.remove?.length
            ? el("secDNS:rem", null, ...ds.remove.map(dsData))
            : undefined,
        ds.add?.length ? el("secDNS:add", null, ...ds.add.map(dsData)) : undefined,
      )
    : undefined;
  return {
    command: el(
      "update",
      null,
      el(
        "domain:update",
        D,
        tx("domain:name", i.name),
        addBody && el("domain:add", null, addBody),
        remBody && el("domain:rem", null, remBody),
        chgBody && el("domain:chg", null, chgBody),
      ),
    ),
    extension: secDns,
  };
}

export function domainDelete(i: OpInput<"deleteDomain">): RequestBody {
  const launch = i.applicationId
    ? el(
        "launch:delete",
        { "xmlns:launch": NS.launch },
        tx("launch:phase", i.phase ?? "landrush"),
        tx("launch:applicationID", i.applicationId),
      )
    : undefined;
  return { command: el("delete", null, el("domain:delete", D, tx("domain:name", i.name))), extension: launch };
}

function restoreUpdate(name: string, restore: string, fee?: Money): RequestBody {
  return {
    command: el("update", null, el("domain:update", D, tx("domain:name", name), el("domain:chg"))),
    extension: el("rgp:update", { "xmlns:rgp": NS.rgp }, restore) + (feeAck("update", fee) ?? ""),
  };
}

export function domainRestore(i: OpInput<"restoreDomain">): RequestBody {
  return restoreUpdate(i.name, el("rgp:restore", { op: "request" }), i.fee);
}

export function domainRestoreReport(i: OpInput<"reportRestore">): RequestBody {
  const r = i.report;
  const report = el(
    "rgp:report",
    null,
    tx("rgp:preData", r.preData),
    tx("rgp:postData", r.postData),
    tx("rgp:delTime", r.deletedAt),
    tx("rgp:resTime", r.restoredAt),
    tx("rgp:resReason", r.reason),
    tx("rgp:statement", r.statements[0]),
    tx("rgp:statement", r.statements[1]),
    tx("rgp:other", r.other),
  );
  return restoreUpdate(i.name, el("rgp:restore", { op: "report" }, report));
}
