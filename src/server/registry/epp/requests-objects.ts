/** EPP request bodies for hosts (RFC 5732), contacts (RFC 5733), poll, and the command envelope. */
import type { OpInput } from "../core/port";
import type { PostalAddress } from "../core/types";
import { CLIENT_EXT_URIS, CLIENT_OBJ_URIS, NS } from "./namespaces";
import type { RequestBody } from "./requests-domain";
import { el, tx } from "./xml";

const H = { "xmlns:host": NS.host };
const C = { "xmlns:contact": NS.contact };
const PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>';

const addrs = (xs: string[] | undefined) =>
  (xs ?? []).map((a) => tx("host:addr", a, { ip: a.includes(":") ? "v6" : "v4" })).join("");
const statuses = (prefix: string, ss: string[] | undefined) =>
  (ss ?? []).map((s) => el(`${prefix}:status`, { s })).join("");

export function hostCheck(i: OpInput<"checkHosts">): RequestBody {
  return { command: el("check", null, el("host:check", H, ...i.names.map((n) => tx("host:name", n)))) };
}

export function hostCreate(i: OpInput<"createHost">): RequestBody {
  return { command: el("create", null, el("host:create", H, tx("host:name", i.name), addrs(i.addresses))) };
}

export function hostInfo(i: OpInput<"infoHost">): RequestBody {
  return { command: el("info", null, el("host:info", H, tx("host:name", i.name))) };
}

export function hostUpdate(i: OpInput<"updateHost">): RequestBody {
  const add = addrs(i.add?.addresses) + statuses("host", i.add?.statuses);
  const rem = addrs(i.remove?.addresses) + statuses("host", i.remove?.statuses);
  const body = el(
    "host:update",
    H,
    tx("host:name", i.name),
    add && el("host:add", null, add),
    rem && el("host:rem", null, rem),
    i.newName !== undefined ? el("host:chg", null, tx("host:name", i.newName)) : undefined,
  );
  return { command: el("update", null, body) };
}

export function hostDelete(i: OpInput<"deleteHost">): RequestBody {
  return { command: el("delete", null, el("host:delete", H, tx("host:name", i.name))) };
}

function postal(p: PostalAddress): string {
  const addr = el(
    "contact:addr",
    null,
    ...p.street.map((s) => tx("contact:street", s)),
    tx("contact:city", p.city),
    tx("contact:sp", p.sp),
    tx("contact:pc", p.pc),
    tx("contact:cc", p.cc),
  );
  return el("contact:postalInfo", { type: p.type }, tx("contact:name", p.name), tx("contact:org", p.org), addr);
}

const contactAuth = (pw: string | undefined) =>
  pw === undefined ? undefined : el("contact:authInfo", null, tx("contact:pw", pw));

export function contactCheck(i: OpInput<"checkContacts">): RequestBody {
  return { command: el("check", null, el("contact:check", C, ...i.ids.map((id) => tx("contact:id", id)))) };
}

export function contactCreate(i: OpInput<"createContact">): RequestBody {
  const body = el(
    "contact:create",
    C,
    tx("contact:id", i.id),
    ...i.postal.map(postal),
    tx("contact:voice", i.voice),
    tx("contact:fax", i.fax),
    tx("contact:email", i.email),
    contactAuth(i.authInfo),
  );
  return { command: el("create", null, body) };
}

export function contactInfo(i: OpInput<"infoContact">): RequestBody {
  return { command: el("info", null, el("contact:info", C, tx("contact:id", i.id), contactAuth(i.authInfo))) };
}

export function contactUpdate(i: OpInput<"updateContact">): RequestBody {
  const c = i.change;
  const chg = c
    ? (c.postal ?? []).map(postal).join("") +
      (tx("contact:voice", c.voice) ?? "") +
      (tx("contact:fax", c.fax) ?? "") +
      (tx("contact:email", c.email) ?? "") +
      (contactAuth(c.authInfo) ?? "")
    : "";
  const add = statuses("contact", i.add?.statuses);
  const rem = statuses("contact", i.remove?.statuses);
  const body = el(
    "contact:update",
    C,
    tx("contact:id", i.id),
    add && el("contact:add", null, add),
    rem && el("contact:rem", null, rem),
    chg && el("contact:chg", null, chg),
  );
  return { command: el("update", null, body) };
}

export function contactDelete(i: OpInput<"deleteContact">): RequestBody {
  return { command: el("delete", null, el("contact:delete", C, tx("contact:id", i.id))) };
}

export function pollRequest(): RequestBody {
  return { command: el("poll", { op: "req" }) };
}

export function pollAck(i: OpInput<"pollAck">): RequestBody {
  return { command: el("poll", { op: "ack", msgID: i.id }) };
}

export function commandFrame(body: RequestBody, clTRID: string): string {
  return (
    PROLOG +
    el(
      "epp",
      { xmlns: NS.epp },
      el("command", null, body.command, body.extension && el("extension", null, body.extension), tx("clTRID", clTRID)),
    )
  );
}

export function loginFrame(clientId: string, password: string, clTRID: string): string {
  const svcs = el(
    "svcs",
    null,
    ...CLIENT_OBJ_URIS.map((u) => tx("objURI", u)),
    el("svcExtension", null, ...CLIENT_EXT_URIS.map((u) => tx("extURI", u))),
  );
  const login = el(
    "login",
    null,
    tx("clID", clientId),
    tx("pw", password),
    el("options", null, tx("version", "1.0"), tx("lang", "en")),
    svcs,
  );
  return PROLOG + el("epp", { xmlns: NS.epp }, el("command", null, login, tx("clTRID", clTRID)));
}

export function logoutFrame(clTRID: string): string {
  return PROLOG + el("epp", { xmlns: NS.epp }, el("command", null, el("logout"), tx("clTRID", clTRID)));
}

export const HELLO_FRAME = PROLOG + el("epp", { xmlns: NS.epp }, el("hello"));
