import { NS } from "../config/services";
import type { PostalInfo } from "../model/records";
import type { ResponseData } from "../model/responses";
import type { Encoded } from "./encode-data";
import { el, t } from "./xml";

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const H = { "xmlns:host": NS.host };
const C = { "xmlns:contact": NS.contact };

function postal(p: PostalInfo): string {
  return el(
    "contact:postalInfo",
    { type: p.type },
    el("contact:name", null, t(p.name)),
    p.org ? el("contact:org", null, t(p.org)) : undefined,
    el(
      "contact:addr",
      null,
      ...p.street.map((s) => el("contact:street", null, t(s))),
      el("contact:city", null, t(p.city)),
      p.sp ? el("contact:sp", null, t(p.sp)) : undefined,
      p.pc ? el("contact:pc", null, t(p.pc)) : undefined,
      el("contact:cc", null, t(p.cc)),
    ),
  );
}

export function encodeContactOrHost(data: ResponseData): Encoded {
  switch (data.kind) {
    case "host:chk":
      return {
        resData: el("host:chkData", H, ...data.items.map((i) => el("host:cd", null, el("host:name", { avail: i.avail ? "1" : "0" }, t(i.name)), i.reason ? el("host:reason", null, t(i.reason)) : undefined))),
        extension: [],
      };
    case "host:inf":
      return {
        resData: el(
          "host:infData",
          H,
          el("host:name", null, t(data.name)),
          el("host:roid", null, t(data.roid)),
          ...data.statuses.map((s) => el("host:status", { s })),
          ...data.addrs.map((a) => el("host:addr", { ip: a.ip }, t(a.addr))),
          el("host:clID", null, t(data.clID)),
          el("host:crID", null, t(data.crID)),
          el("host:crDate", null, iso(data.crDate)),
          data.upID ? el("host:upID", null, t(data.upID)) : undefined,
          el("host:upDate", null, iso(data.upDate)),
          el("host:trDate", null, iso(data.trDate)),
        ),
        extension: [],
      };
    case "host:cre":
      return { resData: el("host:creData", H, el("host:name", null, t(data.name)), el("host:crDate", null, iso(data.crDate))), extension: [] };
    case "contact:chk":
      return {
        resData: el("contact:chkData", C, ...data.items.map((i) => el("contact:cd", null, el("contact:id", { avail: i.avail ? "1" : "0" }, t(i.id)), i.reason ? el("contact:reason", null, t(i.reason)) : undefined))),
        extension: [],
      };
    case "contact:inf":
      return {
        resData: el(
          "contact:infData",
          C,
          el("contact:id", null, t(data.id)),
          el("contact:roid", null, t(data.roid)),
          ...data.statuses.map((s) => el("contact:status", { s })),
          ...data.postalInfo.map(postal),
          data.voice ? el("contact:voice", null, t(data.voice)) : undefined,
          data.fax ? el("contact:fax", null, t(data.fax)) : undefined,
          el("contact:email", null, t(data.email)),
          el("contact:clID", null, t(data.clID)),
          el("contact:crID", null, t(data.crID)),
          el("contact:crDate", null, iso(data.crDate)),
          data.upID ? el("contact:upID", null, t(data.upID)) : undefined,
          el("contact:upDate", null, iso(data.upDate)),
          data.authInfo !== undefined ? el("contact:authInfo", null, el("contact:pw", null, t(data.authInfo))) : undefined,
        ),
        extension: [],
      };
    case "contact:cre":
      return { resData: el("contact:creData", C, el("contact:id", null, t(data.id)), el("contact:crDate", null, iso(data.crDate))), extension: [] };
    default:
      return { extension: [] };
  }
}
