/**
 * The marks an SMD certifies (RFC 7848), read from the signed bytes only: the caller hands in the
 * canonical signedMark the signature covered, never the document it arrived in.
 */
import { childElements, textOf } from "./parse-smd-xml";
import { SmdRefusal } from "./reason-codes";

export const SMD_NS = "urn:ietf:params:xml:ns:signedMark-1.0";
export const MARK_NS = "urn:ietf:params:xml:ns:mark-1.0";

export type MarkType = "trademark" | "treatyOrStatute" | "court";

export interface MarkHolder {
  entitlement: string;
  name?: string;
  org?: string;
  cc?: string;
}

export interface SmdMark {
  type: MarkType;
  id: string;
  name: string;
  holders: MarkHolder[];
  labels: string[];
  goodsAndServices?: string;
  /** Trademark: the registering office's country or region code, and the Nice classes. */
  jurisdiction?: string;
  classes?: string[];
  regNum?: string;
  regDate?: string;
  exDate?: string;
  /** Treaty or statute: where it protects the mark; court: the court's country and regions. */
  protections?: { cc: string; region?: string; rulings: string[] }[];
  refNum?: string;
  proDate?: string;
  title?: string;
  execDate?: string;
  cc?: string;
  regions?: string[];
  courtName?: string;
}

export interface SignedMarkContent {
  smdId: string;
  issuerId: string;
  notBefore: Date;
  notAfter: Date;
  marks: SmdMark[];
  labels: string[];
}

const TYPES: MarkType[] = ["trademark", "treatyOrStatute", "court"];

function required(el: Element, ns: string, local: string): string {
  const value = textOf(el, ns, local);
  if (!value) throw new SmdRefusal("malformed", `The signed mark has no ${local}.`);
  return value;
}

function date(value: string, what: string): Date {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(d.getTime())) {
    throw new SmdRefusal("malformed", `The signed mark's ${what} is not a date.`);
  }
  return d;
}

const texts = (el: Element, local: string) => childElements(el, MARK_NS, local).map((c) => c.textContent?.trim() ?? "");
const opt = (el: Element, local: string) => textOf(el, MARK_NS, local) || undefined;

function readHolder(el: Element): MarkHolder {
  const [addr] = childElements(el, MARK_NS, "addr");
  return {
    entitlement: el.getAttribute("entitlement") ?? "owner",
    name: opt(el, "name"),
    org: opt(el, "org"),
    cc: addr ? opt(addr, "cc") : undefined,
  };
}

function readMark(el: Element): SmdMark {
  const type = el.localName as MarkType;
  const mark: SmdMark = {
    type,
    id: required(el, MARK_NS, "id"),
    name: required(el, MARK_NS, "markName"),
    holders: childElements(el, MARK_NS, "holder").map(readHolder),
    labels: texts(el, "label"),
    goodsAndServices: opt(el, "goodsAndServices"),
  };
  if (type === "trademark") {
    Object.assign(mark, {
      jurisdiction: opt(el, "jurisdiction"),
      classes: texts(el, "class"),
      regNum: opt(el, "regNum"),
      regDate: opt(el, "regDate"),
      exDate: opt(el, "exDate"),
    });
  } else if (type === "treatyOrStatute") {
    Object.assign(mark, {
      protections: childElements(el, MARK_NS, "protection").map((p) => ({
        cc: opt(p, "cc") ?? "",
        region: opt(p, "region"),
        rulings: texts(p, "ruling"),
      })),
      refNum: opt(el, "refNum"),
      proDate: opt(el, "proDate"),
      title: opt(el, "title"),
      execDate: opt(el, "execDate"),
    });
  } else {
    Object.assign(mark, {
      refNum: opt(el, "refNum"),
      proDate: opt(el, "proDate"),
      cc: opt(el, "cc"),
      regions: texts(el, "region"),
      courtName: opt(el, "courtName"),
    });
  }
  // Absent optional fields are left out rather than listed as undefined (the CLI prints this as JSON).
  return Object.fromEntries(Object.entries(mark).filter(([, v]) => v !== undefined)) as unknown as SmdMark;
}

export function readSignedMark(root: Element): SignedMarkContent {
  if (root.namespaceURI !== SMD_NS || root.localName !== "signedMark") {
    throw new SmdRefusal("malformed", "The signed content is not an smd:signedMark.");
  }
  const [issuer] = childElements(root, SMD_NS, "issuerInfo");
  const [markEl] = childElements(root, MARK_NS, "mark");
  if (!issuer || !markEl) throw new SmdRefusal("malformed", "The signed mark lacks its issuer or its mark.");
  const marks = childElements(markEl, MARK_NS)
    .filter((el) => TYPES.includes(el.localName as MarkType))
    .map(readMark);
  if (marks.length === 0) throw new SmdRefusal("malformed", "The signed mark certifies no mark.");
  return {
    smdId: required(root, SMD_NS, "id"),
    issuerId: issuer.getAttribute("issuerID") ?? "",
    notBefore: date(required(root, SMD_NS, "notBefore"), "notBefore"),
    notAfter: date(required(root, SMD_NS, "notAfter"), "notAfter"),
    marks,
    labels: [...new Set(marks.flatMap((m) => m.labels))],
  };
}
