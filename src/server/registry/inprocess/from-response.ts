/** The mock's typed responses as port results: instants as ISO strings, fees as Money. */
import type { FeeCheckItem, FeeTransformResult, RegistryResponse, ResponseData } from "@/mock-registry";
import type { OperationName, OpOutput } from "../core/port";
import type { DomainCheck, FeeOperation, FeeSummary, Money, PollEvent, TransferInfo } from "../core/types";

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const isoReq = (ms: number) => new Date(ms).toISOString();
const usd = (amount: number, currency = "USD"): Money => ({ amount, currency });

function feeSummary(f: FeeTransformResult | undefined): FeeSummary | undefined {
  if (!f) return undefined;
  return {
    fees: f.fees.map((x) => usd(x.amount, f.currency)),
    credits: f.credits.map((x) => usd(x.amount, f.currency)),
    balance: usd(f.balance, f.currency),
  };
}

function transfer(d: Extract<ResponseData, { kind: "domain:trn" }>): TransferInfo {
  return {
    name: d.name,
    status: d.trStatus,
    requestedBy: d.reID,
    requestedAt: isoReq(d.reDate),
    actionBy: d.acID,
    actionDeadline: isoReq(d.acDate),
    expiresAt: iso(d.exDate),
    fee: feeSummary(d.fee),
  };
}

function checks(d: Extract<ResponseData, { kind: "domain:chk" }>): DomainCheck[] {
  const fees = new Map<string, FeeCheckItem>((d.fee?.items ?? []).map((i) => [i.name, i]));
  return d.items.map((i) => {
    const f = fees.get(i.name);
    const prices: Partial<Record<FeeOperation, Money>> = {};
    // The adapter asks for the four billed operations; other fee commands carry no price for it.
    for (const c of f?.commands ?? []) {
      if (c.name === "update" || c.name === "delete" || c.name === "custom") continue;
      prices[c.name] = usd(
        c.fees.reduce((s, x) => s + x.amount, 0),
        d.fee?.currency,
      );
    }
    return {
      name: i.name,
      available: i.avail,
      reason: i.reason,
      phase: f?.commands[0]?.phase,
      premium: f?.feeClass === "premium",
      prices,
    };
  });
}

function pollEvent(d: ResponseData | undefined): PollEvent | undefined {
  if (d?.kind === "domain:trn") return { kind: "transfer", ...transfer(d) };
  if (d?.kind === "domain:ren") return { kind: "renewal", name: d.name, expiresAt: isoReq(d.exDate) };
  if (d?.kind === "domain:pan")
    return {
      kind: "pendingAction",
      name: d.name,
      success: d.ok,
      clTRID: d.clTRID,
      svTRID: d.svTRID,
      at: isoReq(d.paDate),
    };
  return undefined;
}

export function fromResponse<K extends OperationName>(op: K, r: RegistryResponse): OpOutput<K> {
  const d = r.data;
  const out = (value: unknown) => value as OpOutput<K>;
  switch (d?.kind) {
    case "domain:chk":
      return out(checks(d));
    case "launch:chk":
      return out(d.items.map((i) => ({ name: i.name, claim: i.exists, claimKey: i.claimKey, phase: d.phase.phase })));
    case "domain:cre":
      if (op === "createDomain") {
        return out({
          name: d.name,
          createdAt: isoReq(d.crDate),
          expiresAt: iso(d.exDate),
          pending: r.code === 1001,
          applicationId: d.launch?.applicationId,
          fee: feeSummary(d.fee),
        });
      }
      break;
    case "domain:inf":
      return out({
        name: d.name,
        roid: d.roid,
        statuses: d.statuses,
        registrant: d.registrant,
        contacts: d.contacts,
        nameservers: d.ns,
        subordinateHosts: d.hosts,
        sponsor: d.clID,
        createdBy: d.crID,
        createdAt: iso(d.crDate),
        updatedBy: d.upID,
        updatedAt: iso(d.upDate),
        expiresAt: iso(d.exDate),
        transferredAt: iso(d.trDate),
        authInfo: d.authInfo,
        rgpStatuses: d.rgp,
        ds: d.ds,
        launch: d.launch
          ? {
              phase: d.launch.phase.phase,
              applicationId: d.launch.applicationId,
              status: d.launch.status,
              statusText: d.launch.statusText,
            }
          : undefined,
      });
    case "host:inf":
      return out({
        name: d.name,
        roid: d.roid,
        statuses: d.statuses,
        addresses: d.addrs.map((a) => a.addr),
        sponsor: d.clID,
        createdAt: isoReq(d.crDate),
        updatedAt: iso(d.upDate),
      });
    case "host:cre":
      return out({ name: d.name, createdAt: isoReq(d.crDate) });
    case "host:chk":
      return out(d.items.map((i) => ({ id: i.name, available: i.avail, reason: i.reason })));
    case "contact:chk":
      return out(d.items.map((i) => ({ id: i.id, available: i.avail, reason: i.reason })));
    case "contact:cre":
      return out({ id: d.id, createdAt: isoReq(d.crDate) });
    case "contact:inf":
      return out({
        id: d.id,
        roid: d.roid,
        statuses: d.statuses,
        postal: d.postalInfo,
        voice: d.voice,
        fax: d.fax,
        email: d.email,
        sponsor: d.clID,
        createdAt: isoReq(d.crDate),
        updatedAt: iso(d.upDate),
        authInfo: d.authInfo,
      });
    default:
      break;
  }
  return out(plainResult(op, r));
}

function plainResult(op: OperationName, r: RegistryResponse): unknown {
  const d = r.data;
  switch (op) {
    case "renewDomain":
      return d?.kind === "domain:ren"
        ? { name: d.name, expiresAt: isoReq(d.exDate), fee: feeSummary(d.fee) }
        : undefined;
    case "transferDomain":
      return d?.kind === "domain:trn" ? transfer(d) : undefined;
    case "deleteDomain":
      return {
        pending: r.code === 1001,
        credits: d?.kind === "domain:del" ? (d.fee?.credits ?? []).map((c) => usd(c.amount)) : [],
      };
    case "restoreDomain":
      return { rgpStatus: d?.kind === "domain:upd" ? d.rgp : undefined };
    case "pollRequest":
      if (r.code === 1300 || !r.msgQ?.id) return null;
      return {
        id: r.msgQ.id,
        remaining: r.msgQ.count,
        queuedAt: isoReq(r.msgQ.qDate ?? 0),
        message: r.msgQ.msg ?? "",
        event: pollEvent(d),
      };
    case "pollAck":
      return { remaining: r.msgQ?.count ?? 0 };
    default:
      return null;
  }
}
