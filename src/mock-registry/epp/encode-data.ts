/** resData and response extensions for each kind of result, in the element order the XSDs require. */
import { NS } from "../config/services";
import type { ResponseData } from "../model/responses";
import { feeCheckData, feeTransformData } from "./encode-fee";
import { encodeContactOrHost } from "./encode-objects";
import { el, t } from "./xml";

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
        el("domain:cd", null, el("domain:name", { avail: i.avail ? "1" : "0" }, t(i.name)), i.reason ? el("domain:reason", null, t(i.reason)) : undefined),
      );
      return { resData: el("domain:chkData", D, ...cds), extension: data.fee ? [feeCheckData(data.fee.currency, data.fee.items)] : [] };
    }
    case "launch:chk": {
      const cds = data.items.map((i) =>
        el("launch:cd", null, el("launch:name", { exists: i.exists ? "1" : "0" }, t(i.name)), i.claimKey ? el("launch:claimKey", null, t(i.claimKey)) : undefined),
      );
      return { extension: [el("launch:chkData", { "xmlns:launch": NS.launch }, el("launch:phase", null, data.phase.phase), ...cds)] };
    }
    case "domain:inf":
      return domainInfo(data);
    case "domain:cre": {
      const ext: string[] = [];
      if (data.launch?.applicationId) {
        ext.push(el("launch:creData", { "xmlns:launch": NS.launch }, el("launch:phase", null, data.launch.phase.phase), el("launch:applicationID", null, t(data.launch.applicationId))));
      }
      if (data.fee) ext.push(feeTransformData("creData", data.fee));
      const res = el("domain:creData", D, el("domain:name", null, t(data.name)), el("domain:crDate", null, iso(data.crDate)), el("domain:exDate", null, iso(data.exDate)));
      return { resData: res, extension: ext };
    }
    case "domain:ren":
      return {
        resData: el("domain:renData", D, el("domain:name", null, t(data.name)), el("domain:exDate", null, iso(data.exDate))),
        extension: data.fee ? [feeTransformData("renData", data.fee)] : [],
      };
    case "domain:trn":
      return {
        resData: el(
          "domain:trnData",
          D,
          el("domain:name", null, t(data.name)),
          el("domain:trStatus", null, data.trStatus),
          el("domain:reID", null, t(data.reID)),
          el("domain:reDate", null, iso(data.reDate)),
          el("domain:acID", null, t(data.acID)),
          el("domain:acDate", null, iso(data.acDate)),
          el("domain:exDate", null, iso(data.exDate)),
        ),
        extension: data.fee ? [feeTransformData("trnData", data.fee)] : [],
      };
    case "domain:pan":
      return {
        resData: el(
          "domain:panData",
          D,
          el("domain:name", { paResult: data.ok ? "1" : "0" }, t(data.name)),
          el("domain:paTRID", null, data.clTRID ? el("clTRID", null, t(data.clTRID)) : undefined, el("svTRID", null, t(data.svTRID))),
          el("domain:paDate", null, iso(data.paDate)),
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
  const ns = d.ns === undefined ? undefined : d.ns.length > 0 ? el("domain:ns", null, ...d.ns.map((h) => el("domain:hostObj", null, t(h)))) : undefined;
  const resData = el(
    "domain:infData",
    D,
    el("domain:name", null, t(d.name)),
    el("domain:roid", null, t(d.roid)),
    ...d.statuses.map((s) => el("domain:status", { s })),
    d.registrant ? el("domain:registrant", null, t(d.registrant)) : undefined,
    ...d.contacts.map((c) => el("domain:contact", { type: c.type }, t(c.id))),
    ns,
    ...d.hosts.map((h) => el("domain:host", null, t(h))),
    el("domain:clID", null, t(d.clID)),
    d.crID ? el("domain:crID", null, t(d.crID)) : undefined,
    el("domain:crDate", null, iso(d.crDate)),
    d.upID ? el("domain:upID", null, t(d.upID)) : undefined,
    el("domain:upDate", null, iso(d.upDate)),
    el("domain:exDate", null, iso(d.exDate)),
    el("domain:trDate", null, iso(d.trDate)),
    d.authInfo !== undefined ? el("domain:authInfo", null, el("domain:pw", null, t(d.authInfo))) : undefined,
  );
  const ext: string[] = [];
  if (d.rgp.length > 0) ext.push(el("rgp:infData", { "xmlns:rgp": NS.rgp }, ...d.rgp.map((s) => el("rgp:rgpStatus", { s }))));
  if (d.ds.length > 0) {
    const ds = d.ds.map((x) =>
      el(
        "secDNS:dsData",
        null,
        el("secDNS:keyTag", null, String(x.keyTag)),
        el("secDNS:alg", null, String(x.alg)),
        el("secDNS:digestType", null, String(x.digestType)),
        el("secDNS:digest", null, t(x.digest)),
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
        d.launch.applicationId ? el("launch:applicationID", null, t(d.launch.applicationId)) : undefined,
        d.launch.status ? el("launch:status", { s: d.launch.status }) : undefined,
      ),
    );
  }
  return { resData, extension: ext };
}
