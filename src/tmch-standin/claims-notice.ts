/**
 * The Trademark Claims notice CNIS serves for a lookup key (standards.md 2.1): one notice for the
 * label, a claim per verified mark that lists it, valid for 48 hours, its id a TCNID over the label
 * and the notice's notAfter.
 */
import { makeTcnid } from "../server/tmch/standin/tcnid";
import type { Contact, Holder, MarkRecord } from "./model";

export const NOTICE_HOURS = 48;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const el = (name: string, v: string | undefined) =>
  v === undefined ? "" : `<tmNotice:${name}>${esc(v)}</tmNotice:${name}>`;

const countryName = (cc: string) => new Intl.DisplayNames(["en"], { type: "region" }).of(cc.toUpperCase()) ?? cc;

function party(p: Holder | Contact): string {
  const a = p.addr;
  return (
    el("name", p.name) +
    el("org", p.org) +
    `<tmNotice:addr>${a.street.map((s) => el("street", s)).join("")}${el("city", a.city)}${el("sp", a.sp)}${el("pc", a.pc)}${el("cc", a.cc)}</tmNotice:addr>` +
    el("voice", p.voice) +
    el("email", p.email)
  );
}

function claim(m: MarkRecord): string {
  const s = m.submission;
  const d = s.details;
  const jurCc = d.type === "trademark" ? d.jurisdiction : d.type === "court" ? d.cc : d.protections[0].cc;
  const classes = d.type === "trademark" ? d.classes : [];
  return (
    "<tmNotice:claim>" +
    el("markName", s.name) +
    `<tmNotice:holder entitlement="${s.holder.entitlement}">${party(s.holder)}</tmNotice:holder>` +
    s.contacts.map((c) => `<tmNotice:contact type="${c.type}">${party(c)}</tmNotice:contact>`).join("") +
    `<tmNotice:jurDesc jurCC="${esc(jurCc)}">${esc(countryName(jurCc))}</tmNotice:jurDesc>` +
    classes.map((c) => `<tmNotice:classDesc classNum="${c}">Nice class ${c}</tmNotice:classDesc>`).join("") +
    el("goodsAndServices", s.goodsAndServices) +
    "</tmNotice:claim>"
  );
}

export function claimsNoticeXml(label: string, marks: MarkRecord[], noticeId: string, now: Date): string {
  const notAfter = new Date(Math.floor(now.getTime() / 1000) * 1000 + NOTICE_HOURS * 3_600_000);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<tmNotice:notice xmlns:tmNotice="urn:ietf:params:xml:ns:tmNotice-1.0">' +
    el("id", makeTcnid(label, notAfter, noticeId)) +
    el("notBefore", now.toISOString()) +
    el("notAfter", notAfter.toISOString()) +
    el("label", label) +
    marks.map(claim).join("") +
    "</tmNotice:notice>"
  );
}
