import { NS } from "../config/services";
import type { PostalInfo } from "../model/records";
import type { ResponseData } from "../model/responses";
import type { Encoded } from "./encode-data";
import { el, t, tel } from "./xml";

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const H = { "xmlns:host": NS.host };
const C = { "xmlns:contact": NS.contact };

function postal(p: PostalInfo): string {
  return el(
    "contact:postalInfo",
    { type: p.type },
    tel("contact:name", p.name),
    p.org ? tel("contact:org", p.org) : undefined,
    el(
      "contact:addr",
      null,
      ...p.street.map((s) => tel("contact:street", s)),
      tel("contact:city", p.city),
      p.sp ? tel("contact:sp", p.sp) : undefined,
      p.pc ? tel("contact:pc", p.pc) : undefined,
      tel("contact:cc", p.cc),
    ),
  );
}

export function encodeContactOrHost(data: ResponseData): Encoded {
  switch (data.kind) {
    case "host:chk":
      return {
        resData: el(
          "host:chkData",
          H,
          ...data.items.map((i) =>
            el(
              "host:cd",
              null,
              el("host:name", { avail: i.avail ? "1" : "0" }, t(i.name)),
              i.reason ? tel("host:reason", i.reason) : undefined,
            ),
          ),
        ),
        extension: [],
      };
    case "host:inf":
      return {
        resData: el(
          "host:infData",
          H,
          tel("host:name", data.name),
          tel("host:roid", data.roid),
          ...data.statuses.map((s) => el("host:status", { s })),
          ...data.addrs.map((a) => el("host:addr", { ip: a.ip }, t(a.addr))),
          tel("host:clID", data.clID),
          tel("host:crID", data.crID),
          tel("host:crDate", iso(data.crDate)),
          data.upID ? tel("host:upID", data.upID) : undefined,
          tel("host:upDate", iso(data.upDate)),
          tel("host:trDate", iso(data.trDate)),
        ),
        extension: [],
      };
    case "host:cre":
      return {
        resData: el("host:creData", H, tel("host:name", data.name), tel("host:crDate", iso(data.crDate))),
        extension: [],
      };
    case "contact:chk":
      return {
        resData: el(
          "contact:chkData",
          C,
          ...data.items.map((i) =>
            el(
              "contact:cd",
              null,
              el("contact:id", { avail: i.avail ? "1" : "0" }, t(i.id)),
              i.reason ? tel("contact:reason", i.reason) : undefined,
            ),
          ),
        ),
        extension: [],
      };
    case "contact:inf":
      return {
        resData: el(
          "contact:infData",
          C,
          tel("contact:id", data.id),
          tel("contact:roid", data.roid),
          ...data.statuses.map((s) => el("contact:status", { s })),
          ...data.postalInfo.map(postal),
          data.voice ? tel("contact:voice", data.voice) : undefined,
          data.fax ? tel("contact:fax", data.fax) : undefined,
          tel("contact:email", data.email),
          tel("contact:clID", data.clID),
          tel("contact:crID", data.crID),
          tel("contact:crDate", iso(data.crDate)),
          data.upID ? tel("contact:upID", data.upID) : undefined,
          tel("contact:upDate", iso(data.upDate)),
          data.authInfo !== undefined ? el("contact:authInfo", null, tel("contact:pw", data.authInfo)) : undefined,
        ),
        extension: [],
      };
    case "contact:cre":
      return {
        resData: el("contact:creData", C, tel("contact:id", data.id), tel("contact:crDate", iso(data.crDate))),
        extension: [],
      };
    default:
      return { extension: [] };
  }
}
