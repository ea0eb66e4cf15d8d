/** resData and response extensions for each kind of result, in the element order the XSDs require. */
import { NS } from "../config/services";
import type { ResponseData } from "../model/responses";
import { feeCheckData, feeTransformData } from "./encode-fee";
import { encodeContactOrHost } from "./encode-objects";
import { el, t, tel } from "./xml";

export const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const D = { "xmlns:domain": NS.domain };

export interface Encoded {
  resData?: string;
  extension: string[];
}

export function encodeData(data: ResponseData): Encoded {
  switch (data.kind) {
    case "domain:chk": {
      const cds = data.items.map((i) =>
        el(
          "domain:cd",
          null,
          el("domain:name", { avail: i.avail ? "1" : "0" }, t(i.name)),
          i.reason ? tel("domain:reason", i.reason) : undefined,
        ),
      );
      return {
        resData: el("domain:chkData", D, ...cds),
        extension: data.fee ? [feeCheckData(data.fee.currency, data.fee.items)] : [],
      };
    }
    case "launch:chk": {
      const cds = data.items.map((i) =>
        el(
          "launch:cd",
          null,
          el("launch:name", { exists: i.exists ? "1" : "0" }, t(i.name)),
          i.claimKey ? tel("launch:claimKey", i.claimKey) : undefined,
        ),
      );
      return {
        extension: [
          el("launch:chkData", { "xmlns:launch": NS.launch }, el("launch:phase", null, data.phase.phase), ...cds),
        ],
      };
    }
    case "domain:inf":
      return domainInfo(data);
    case "domain:cre": {
      const ext: string[] = [];
      if (data.launch?.applicationId) {
        ext.push(
          el(
            "launch:creData",
            { "xmlns:launch": NS.launch },
            el("launch:phase", null, data.launch.phase.phase),
            tel("launch:applicationID", data.launch.applicationId),
          ),
        );
      }
      if (data.fee) ext.push(feeTransformData("creData", data.fee));
      const res = el(
        "domain:creData",
        D,
        tel("domain:name", data.name),
        tel("domain:crDate", iso(data.crDate)),
        tel("domain:exDate", iso(data.exDate)),
      );
      return { resData: res, extension: ext };
    }
    case "domain:ren":
      return {
        resData: el("domain:renData", D, tel("domain:name", data.name), tel("domain:exDate", iso(data.exDate))),
        extension: data.fee ? [feeTransformData("renData", data.fee)] : [],
      };
    case "domain:trn":
      return {
        resData: el(
          "domain:trnData",
          D,
          tel("domain:name", data.name),
          el("domain:trStatus", null, data.trStatus),
          tel("domain:reID", data.reID),
          tel("domain:reDate", iso(data.reDate)),
          tel("domain:acID", data.acID),
          tel("domain:acDate", iso(data.acDate)),
          tel("domain:exDate", iso(data.exDate)),
        ),
        extension: data.fee ? [feeTransformData("trnData", data.fee)] : [],
      };
    case "domain:pan":
      return {
        resData: el(
          "domain:panData",
          D,
          el("domain:name", { paResult: data.ok ? "1" : "0" }, t(data.name)),
          el("domain:paTRID", null, data.clTRID ? tel("clTRID", data.clTRID) : undefined, tel("svTRID", data.svTRID)),
          tel("domain:paDate", iso(data.paDate)),
        ),
        extension: [],
      };
    case "domain:upd": {
      const ext: string[] = [];
      if (data.rgp) ext.push(el("rgp:upData", { "xmlns:rgp": NS.rgp }, el("rgp:rgpStatus", { s: data.rgp })));
      if (data.fee) ext.push(feeTransformData("updData", data.fee));
      return { extension: ext };
    }
    case "domain:del":
      return { extension: data.fee && data.fee.credits.length > 0 ? [feeTransformData("delData", data.fee)] : [] };
    default:
      return encodeContactOrHost(data);
  }
}

function domainInfo(d: Extract<ResponseData, { kind: "domain:inf" }>): Encoded {
  const ns =
    d.ns === undefined
      ? undefined
      : d.ns.length > 0
        ? el("domain:ns", null, ...d.ns.map((h) => tel("domain:hostObj", h)))
        : undefined;
  const resData = el(
    "domain:infData",
    D,
    tel("domain:name", d.name),
    tel("domain:roid", d.roid),
    ...d.statuses.map((s) => el("domain:status", { s })),
    d.registrant ? tel("domain:registrant", d.registrant) : undefined,
    ...d.contacts.map((c) => el("domain:contact", { type: c.type }, t(c.id))),
    ns,
    ...d.hosts.map((h) => tel("domain:host", h)),
    tel("domain:clID", d.clID),
    d.crID ? tel("domain:crID", d.crID) : undefined,
    tel("domain:crDate", iso(d.crDate)),
    d.upID ? tel("domain:upID", d.upID) : undefined,
    tel("domain:upDate", iso(d.upDate)),
    tel("domain:exDate", iso(d.exDate)),
    tel("domain:trDate", iso(d.trDate)),
    d.authInfo !== undefined ? el("domain:authInfo", null, tel("domain:pw", d.authInfo)) : undefined,
  );
  const ext: string[] = [];
  if (d.rgp.length > 0)
    ext.push(el("rgp:infData", { "xmlns:rgp": NS.rgp }, ...d.rgp.map((s) => el("rgp:rgpStatus", { s }))));
  if (d.ds.length > 0) {
    const ds = d.ds.map((x) =>
      el(
        "secDNS:dsData",
        null,
        el("secDNS:keyTag", null, String(x.keyTag)),
        el("secDNS:alg", null, String(x.alg)),
        el("secDNS:digestType", null, String(x.digestType)),
        tel("secDNS:digest", x.digest),
      ),
    );
    ext.push(el("secDNS:infData", { "xmlns:secDNS": NS.secDNS }, ...ds));
  }
  if (d.launch) {
    ext.push(
      el(
        "launch:infData",
        { "xmlns:launch": NS.launch },
        el("launch:phase", null, d.launch.phase.phase),
        d.launch.applicationId ? tel("launch:applicationID", d.launch.applicationId) : undefined,
        d.launch.status ? el("launch:status", { s: d.launch.status }, t(d.launch.statusText)) : undefined,
      ),
    );
  }
  return { resData, extension: ext };
}
