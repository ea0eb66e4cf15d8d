/**
 * The unsigned `<smd:signedMark>` of RFC 7848 for one mark, elements in the schema's order. Values
 * are escaped here; the caller has validated them (zod at the stand-in's edge).
 */
export interface MarkAddress {
  street: string[];
  city: string;
  sp?: string;
  pc?: string;
  cc: string;
}

export interface MarkHolderInput {
  entitlement: "owner" | "assignee" | "licensee";
  name?: string;
  org?: string;
  addr: MarkAddress;
  voice?: string;
  email?: string;
}

interface MarkCommon {
  id: string;
  name: string;
  holder: MarkHolderInput;
  labels: string[];
  goodsAndServices: string;
}

export type MarkInput =
  | (MarkCommon & {
      type: "trademark";
      jurisdiction: string;
      classes: number[];
      regNum: string;
      regDate: Date;
      exDate?: Date;
    })
  | (MarkCommon & {
      type: "treatyOrStatute";
      protections: { cc: string; region?: string; rulings: string[] }[];
      refNum: string;
      proDate: Date;
      title: string;
      execDate: Date;
    })
  | (MarkCommon & { type: "court"; refNum: string; proDate: Date; cc: string; regions?: string[]; courtName: string });

export interface SignedMarkInput {
  /** XML id of the signedMark element, the signature's reference. */
  xmlId: string;
  smdId: string;
  issuer: { id: string; org: string; email: string; url?: string; voice?: string };
  notBefore: Date;
  notAfter: Date;
  mark: MarkInput;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const el = (name: string, value: string | undefined) => (value === undefined ? "" : `<${name}>${esc(value)}</${name}>`);
const iso = (d: Date) => d.toISOString();

function holder(h: MarkHolderInput): string {
  const a = h.addr;
  const addr =
    a.street.map((s) => el("mark:street", s)).join("") +
    el("mark:city", a.city) +
    el("mark:sp", a.sp) +
    el("mark:pc", a.pc) +
    el("mark:cc", a.cc);
  return (
    `<mark:holder entitlement="${h.entitlement}">` +
    el("mark:name", h.name) +
    el("mark:org", h.org) +
    `<mark:addr>${addr}</mark:addr>` +
    el("mark:voice", h.voice) +
    el("mark:email", h.email) +
    "</mark:holder>"
  );
}

function markBody(m: MarkInput): string {
  const head = el("mark:id", m.id) + el("mark:markName", m.name) + holder(m.holder);
  const labels = m.labels.map((l) => el("mark:label", l)).join("");
  const goods = el("mark:goodsAndServices", m.goodsAndServices);
  if (m.type === "trademark") {
    return (
      head +
      el("mark:jurisdiction", m.jurisdiction) +
      m.classes.map((c) => el("mark:class", String(c))).join("") +
      labels +
      goods +
      el("mark:regNum", m.regNum) +
      el("mark:regDate", iso(m.regDate)) +
      (m.exDate ? el("mark:exDate", iso(m.exDate)) : "")
    );
  }
  if (m.type === "treatyOrStatute") {
    const protections = m.protections
      .map(
        (p) =>
          `<mark:protection>${el("mark:cc", p.cc)}${el("mark:region", p.region)}${p.rulings
            .map((r) => el("mark:ruling", r))
            .join("")}</mark:protection>`,
      )
      .join("");
    return (
      head +
      protections +
      labels +
      goods +
      el("mark:refNum", m.refNum) +
      el("mark:proDate", iso(m.proDate)) +
      el("mark:title", m.title) +
      el("mark:execDate", iso(m.execDate))
    );
  }
  return (
    head +
    labels +
    goods +
    el("mark:refNum", m.refNum) +
    el("mark:proDate", iso(m.proDate)) +
    el("mark:cc", m.cc) +
    (m.regions ?? []).map((r) => el("mark:region", r)).join("") +
    el("mark:courtName", m.courtName)
  );
}

export function buildSignedMark(input: SignedMarkInput): string {
  const i = input.issuer;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<smd:signedMark xmlns:smd="urn:ietf:params:xml:ns:signedMark-1.0" id="${esc(input.xmlId)}">` +
    el("smd:id", input.smdId) +
    `<smd:issuerInfo issuerID="${esc(i.id)}">${el("smd:org", i.org)}${el("smd:email", i.email)}${el("smd:url", i.url)}${el("smd:voice", i.voice)}</smd:issuerInfo>` +
    el("smd:notBefore", iso(input.notBefore)) +
    el("smd:notAfter", iso(input.notAfter)) +
    `<mark:mark xmlns:mark="urn:ietf:params:xml:ns:mark-1.0"><mark:${input.mark.type}>${markBody(input.mark)}</mark:${input.mark.type}></mark:mark>` +
    "</smd:signedMark>"
  );
}
