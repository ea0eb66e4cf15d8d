/** Domain results out of resData and extensions, validated with zod. */
import type { Envelope } from "./parse-envelope";
import { NS } from "./namespaces";
import * as S from "./schemas";
import { child, children, textOf, type XNode } from "./xml";
import { checkFees, feeSummary, pricesFor, xsdBool } from "./parse-fee";
import type { ClaimsCheck, DnsKey, DomainCheck, DomainCreated, DomainInfo, TransferInfo } from "../core/types";

const D = NS.domain;

function ext(e: Envelope, ns: string, local: string): XNode | undefined {
  return child(e.extension, ns, local);
}

/** `years` is what the check asked the create price for; the other commands are asked for one year. */
export function parseDomainCheck(e: Envelope, years = 1): DomainCheck[] {
  const fees = checkFees(e);
  const items = children(child(e.resData, D, "chkData"), D, "cd").map((cd) => {
    const nameNode = child(cd, D, "name");
    const name = nameNode?.text.trim() ?? "";
    const f = fees.get(name.toLowerCase());
    return {
      name,
      available: xsdBool(nameNode?.attrs.avail),
      reason: textOf(cd, D, "reason"),
      phase: f?.quotes.find((q) => q.phase)?.phase,
      premium: f?.premium ?? false,
      prices: pricesFor(f?.quotes ?? [], years),
      quotes: f?.quotes,
      feeReason: f?.reason,
    };
  });
  return S.domainCheckSchema.parse(items);
}

/** RFC 8334 phase: a token, with the registry's own name when it is "custom". */
function phaseOf(n: XNode | undefined): { phase?: string; customPhase?: string } {
  return { phase: n?.text.trim(), customPhase: n?.attrs.name?.trim() };
}

export function parseClaimsCheck(e: Envelope): ClaimsCheck[] {
  const data = ext(e, NS.launch, "chkData");
  const { phase = "claims", customPhase } = phaseOf(child(data, NS.launch, "phase"));
  return S.claimsCheckSchema.parse(
    children(data, NS.launch, "cd").map((cd) => {
      const n = child(cd, NS.launch, "name");
      const keys = children(cd, NS.launch, "claimKey").map((k) => ({
        key: k.text.trim(),
        validatorId: k.attrs.validatorID?.trim(),
      }));
      return {
        name: n?.text.trim(),
        claim: xsdBool(n?.attrs.exists),
        claimKey: keys[0]?.key,
        // Only when it says more than claimKey does: the inprocess adapter has no validators.
        claimKeys: keys.length > 1 || keys.some((k) => k.validatorId) ? keys : undefined,
        phase,
        customPhase,
      };
    }),
  );
}

export function parseDomainCreated(e: Envelope): DomainCreated {
  const cre = child(e.resData, D, "creData");
  const launch = ext(e, NS.launch, "creData");
  return S.domainCreatedSchema.parse({
    name: textOf(cre, D, "name"),
    createdAt: textOf(cre, D, "crDate"),
    expiresAt: textOf(cre, D, "exDate"),
    pending: e.code === 1001,
    applicationId: textOf(launch, NS.launch, "applicationID"),
    fee: feeSummary(e, "creData"),
  });
}

const int = (n: XNode, local: string) => Number(textOf(n, NS.secDNS, local));
const dnsKey = (k: XNode): DnsKey => ({
  flags: int(k, "flags"),
  protocol: int(k, "protocol"),
  alg: int(k, "alg"),
  // Base64 may be wrapped over lines.
  pubKey: (textOf(k, NS.secDNS, "pubKey") ?? "").replace(/\s+/g, ""),
});

/** RFC 5910: DS data (each optionally with its key) or, on a key-data registry, keys alone. */
function secDns(e: Envelope) {
  const data = ext(e, NS.secDNS, "infData");
  const ds = children(data, NS.secDNS, "dsData");
  const keys = [...ds.flatMap((d) => children(d, NS.secDNS, "keyData")), ...children(data, NS.secDNS, "keyData")].map(
    dnsKey,
  );
  const maxSigLife = textOf(data, NS.secDNS, "maxSigLife");
  return {
    ds: ds.map((d) => ({
      keyTag: int(d, "keyTag"),
      alg: int(d, "alg"),
      digestType: int(d, "digestType"),
      digest: textOf(d, NS.secDNS, "digest")?.replace(/\s+/g, ""),
    })),
    dnsKeys: keys.length > 0 ? keys : undefined,
    maxSigLife: maxSigLife === undefined ? undefined : Number(maxSigLife),
  };
}

/** RFC 5731 §1.1: nameservers as host objects, or as host attributes carrying their own addresses. */
function nameservers(ns: XNode | undefined) {
  if (!ns) return { nameservers: undefined, nameserverAddresses: undefined };
  const attrs = children(ns, D, "hostAttr");
  const addresses: Record<string, string[]> = {};
  for (const a of attrs)
    addresses[textOf(a, D, "hostName") ?? ""] = children(a, D, "hostAddr").map((x) => x.text.trim());
  return {
    nameservers: [
      ...children(ns, D, "hostObj").map((h) => h.text.trim()),
      ...attrs.map((a) => textOf(a, D, "hostName") ?? ""),
    ],
    nameserverAddresses: attrs.length > 0 ? addresses : undefined,
  };
}

export function parseDomainInfo(e: Envelope): DomainInfo {
  const inf = child(e.resData, D, "infData");
  const launch = ext(e, NS.launch, "infData");
  return S.domainInfoSchema.parse({
    ...nameservers(child(inf, D, "ns")),
    ...secDns(e),
    name: textOf(inf, D, "name"),
    roid: textOf(inf, D, "roid"),
    statuses: children(inf, D, "status").map((s) => s.attrs.s),
    registrant: textOf(inf, D, "registrant"),
    contacts: children(inf, D, "contact").map((c) => ({ type: c.attrs.type, id: c.text.trim() })),
    subordinateHosts: children(inf, D, "host").map((h) => h.text.trim()),
    sponsor: textOf(inf, D, "clID"),
    createdBy: textOf(inf, D, "crID"),
    createdAt: textOf(inf, D, "crDate"),
    updatedBy: textOf(inf, D, "upID"),
    updatedAt: textOf(inf, D, "upDate"),
    expiresAt: textOf(inf, D, "exDate"),
    transferredAt: textOf(inf, D, "trDate"),
    authInfo: child(inf, D, "authInfo") ? (textOf(child(inf, D, "authInfo"), D, "pw") ?? "") : undefined,
    rgpStatuses: children(ext(e, NS.rgp, "infData"), NS.rgp, "rgpStatus").map((s) => s.attrs.s),
    launch: launch
      ? {
          ...phaseOf(child(launch, NS.launch, "phase")),
          applicationId: textOf(launch, NS.launch, "applicationID"),
          status: child(launch, NS.launch, "status")?.attrs.s,
          statusText: child(launch, NS.launch, "status")?.text.trim() || undefined,
        }
      : undefined,
  });
}

export function parseTransfer(e: Envelope, resData: XNode | undefined = e.resData): TransferInfo {
  const t = child(resData, D, "trnData");
  return S.transferSchema.parse({
    name: textOf(t, D, "name"),
    status: textOf(t, D, "trStatus"),
    requestedBy: textOf(t, D, "reID"),
    requestedAt: textOf(t, D, "reDate"),
    actionBy: textOf(t, D, "acID"),
    actionDeadline: textOf(t, D, "acDate"),
    expiresAt: textOf(t, D, "exDate"),
    fee: feeSummary(e, "trnData"),
  });
}

export function parseRenewed(e: Envelope) {
  const r = child(e.resData, D, "renData");
  return S.renewedSchema.parse({
    name: textOf(r, D, "name"),
    expiresAt: textOf(r, D, "exDate"),
    fee: feeSummary(e, "renData"),
  });
}
