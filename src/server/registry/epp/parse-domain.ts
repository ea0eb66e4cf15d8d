/** Domain results out of resData and extensions, validated with zod. */
import type { Envelope } from "./parse-envelope";
import { NS } from "./namespaces";
import * as S from "./schemas";
import { child, children, textOf, type XNode } from "./xml";
import type {
  ClaimsCheck,
  DomainCheck,
  DomainCreated,
  DomainInfo,
  FeeOperation,
  FeeSummary,
  Money,
  TransferInfo,
} from "../core/types";

const D = NS.domain;

export function minor(decimal: string): number {
  const negative = decimal.trim().startsWith("-");
  const [whole, frac = ""] = decimal.trim().replace("-", "").split(".");
  const value = Number(whole) * 100 + Number(frac.padEnd(2, "0").slice(0, 2));
  return negative ? -value : value;
}

function ext(e: Envelope, ns: string, local: string): XNode | undefined {
  return child(e.extension, ns, local);
}

export function feeSummary(e: Envelope, local: string): FeeSummary | undefined {
  const f = ext(e, NS.fee, local);
  if (!f) return undefined;
  const currency = textOf(f, NS.fee, "currency") ?? "USD";
  const money = (s: string): Money => ({ amount: minor(s), currency });
  const balance = textOf(f, NS.fee, "balance");
  return {
    fees: children(f, NS.fee, "fee").map((x) => money(x.text)),
    credits: children(f, NS.fee, "credit").map((x) => money(x.text)),
    balance: balance === undefined ? undefined : money(balance),
  };
}

export function parseDomainCheck(e: Envelope): DomainCheck[] {
  const feeData = ext(e, NS.fee, "chkData");
  const currency = textOf(feeData, NS.fee, "currency") ?? "USD";
  const fees = new Map(children(feeData, NS.fee, "cd").map((cd) => [textOf(cd, NS.fee, "objID") ?? "", cd]));
  const items = children(child(e.resData, D, "chkData"), D, "cd").map((cd) => {
    const nameNode = child(cd, D, "name");
    const name = nameNode?.text.trim() ?? "";
    const f = fees.get(name);
    const commands = children(f, NS.fee, "command");
    const prices: Partial<Record<FeeOperation, Money>> = {};
    for (const c of commands) {
      prices[c.attrs.name as FeeOperation] = {
        amount: children(c, NS.fee, "fee").reduce((s, x) => s + minor(x.text), 0),
        currency,
      };
    }
    return {
      name,
      available: nameNode?.attrs.avail === "1" || nameNode?.attrs.avail === "true",
      reason: textOf(cd, D, "reason"),
      phase: commands[0]?.attrs.phase,
      premium: textOf(f, NS.fee, "class") === "premium",
      prices,
    };
  });
  return S.domainCheckSchema.parse(items);
}

export function parseClaimsCheck(e: Envelope): ClaimsCheck[] {
  const data = ext(e, NS.launch, "chkData");
  const phase = textOf(data, NS.launch, "phase") ?? "claims";
  return S.claimsCheckSchema.parse(
    children(data, NS.launch, "cd").map((cd) => {
      const n = child(cd, NS.launch, "name");
      return {
        name: n?.text.trim(),
        claim: n?.attrs.exists === "1" || n?.attrs.exists === "true",
        claimKey: textOf(cd, NS.launch, "claimKey"),
        phase,
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

export function parseDomainInfo(e: Envelope): DomainInfo {
  const inf = child(e.resData, D, "infData");
  const ns = child(inf, D, "ns");
  const launch = ext(e, NS.launch, "infData");
  const int = (n: XNode, local: string) => Number(textOf(n, NS.secDNS, local));
  return S.domainInfoSchema.parse({
    name: textOf(inf, D, "name"),
    roid: textOf(inf, D, "roid"),
    statuses: children(inf, D, "status").map((s) => s.attrs.s),
    registrant: textOf(inf, D, "registrant"),
    contacts: children(inf, D, "contact").map((c) => ({ type: c.attrs.type, id: c.text.trim() })),
    nameservers: ns ? children(ns, D, "hostObj").map((h) => h.text.trim()) : undefined,
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
    ds: children(ext(e, NS.secDNS, "infData"), NS.secDNS, "dsData").map((d) => ({
      keyTag: int(d, "keyTag"),
      alg: int(d, "alg"),
      digestType: int(d, "digestType"),
      digest: textOf(d, NS.secDNS, "digest"),
    })),
    launch: launch
      ? {
          phase: textOf(launch, NS.launch, "phase"),
          applicationId: textOf(launch, NS.launch, "applicationID"),
          status: child(launch, NS.launch, "status")?.attrs.s,
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
