/** Host, contact and poll results, and the per-operation dispatch of response parsing. */
import type { OperationName, OpInput, OpOutput } from "../core/port";
import type { ContactInfo, HostInfo, ObjectCheck, PollEvent, PollMessage } from "../core/types";
import { NS } from "./namespaces";
import type { Envelope } from "./parse-envelope";
import { feeSummary, xsdBool } from "./parse-fee";
import {
  parseClaimsCheck,
  parseDomainCheck,
  parseDomainCreated,
  parseDomainInfo,
  parseRenewed,
  parseTransfer,
} from "./parse-domain";
import * as S from "./schemas";
import { child, children, textOf } from "./xml";

function objectChecks(e: Envelope, ns: string, idTag: string): ObjectCheck[] {
  return S.objectCheckSchema.parse(
    children(child(e.resData, ns, "chkData"), ns, "cd").map((cd) => {
      const id = child(cd, ns, idTag);
      return {
        id: id?.text.trim(),
        available: xsdBool(id?.attrs.avail),
        reason: textOf(cd, ns, "reason"),
      };
    }),
  );
}

function hostInfo(e: Envelope): HostInfo {
  const h = child(e.resData, NS.host, "infData");
  return S.hostInfoSchema.parse({
    name: textOf(h, NS.host, "name"),
    roid: textOf(h, NS.host, "roid"),
    statuses: children(h, NS.host, "status").map((s) => s.attrs.s),
    addresses: children(h, NS.host, "addr").map((a) => a.text.trim()),
    sponsor: textOf(h, NS.host, "clID"),
    createdAt: textOf(h, NS.host, "crDate"),
    updatedAt: textOf(h, NS.host, "upDate"),
  });
}

function contactInfo(e: Envelope): ContactInfo {
  const C = NS.contact;
  const c = child(e.resData, C, "infData");
  const auth = child(c, C, "authInfo");
  return S.contactInfoSchema.parse({
    id: textOf(c, C, "id"),
    roid: textOf(c, C, "roid"),
    statuses: children(c, C, "status").map((s) => s.attrs.s),
    postal: children(c, C, "postalInfo").map((p) => {
      const a = child(p, C, "addr");
      return {
        type: p.attrs.type,
        name: textOf(p, C, "name"),
        org: textOf(p, C, "org"),
        street: children(a, C, "street").map((s) => s.text.trim()),
        city: textOf(a, C, "city"),
        sp: textOf(a, C, "sp"),
        pc: textOf(a, C, "pc"),
        cc: textOf(a, C, "cc"),
      };
    }),
    voice: textOf(c, C, "voice"),
    fax: textOf(c, C, "fax"),
    email: textOf(c, C, "email"),
    sponsor: textOf(c, C, "clID"),
    createdAt: textOf(c, C, "crDate"),
    updatedAt: textOf(c, C, "upDate"),
    authInfo: auth ? (textOf(auth, C, "pw") ?? "") : undefined,
  });
}

function pollEvent(e: Envelope): PollEvent | undefined {
  const D = NS.domain;
  if (child(e.resData, D, "trnData")) return { kind: "transfer", ...parseTransfer(e) };
  const ren = child(e.resData, D, "renData");
  if (ren)
    return S.pollEventSchema.parse({
      kind: "renewal",
      name: textOf(ren, D, "name"),
      expiresAt: textOf(ren, D, "exDate"),
    });
  const pan = child(e.resData, D, "panData");
  if (!pan) return undefined;
  const name = child(pan, D, "name");
  const trid = child(pan, D, "paTRID");
  return S.pollEventSchema.parse({
    kind: "pendingAction",
    name: name?.text.trim(),
    success: xsdBool(name?.attrs.paResult),
    clTRID: textOf(trid, NS.epp, "clTRID"),
    svTRID: textOf(trid, NS.epp, "svTRID"),
    at: textOf(pan, D, "paDate"),
  });
}

function poll(e: Envelope): PollMessage | null {
  const q = e.msgQ;
  if (e.code === 1300 || !q?.id || !q.qDate) return null;
  return { id: q.id, remaining: q.count, queuedAt: q.qDate, message: q.msg ?? "", event: pollEvent(e) };
}

const created = (e: Envelope, ns: string, idTag: string, key: "name" | "id") => {
  const cre = child(e.resData, ns, "creData");
  return { [key]: textOf(cre, ns, idTag), ...S.createdObjectSchema.parse({ createdAt: textOf(cre, ns, "crDate") }) };
};

const PARSERS: { [K in OperationName]: (e: Envelope, input?: OpInput<K>) => OpOutput<K> } = {
  checkDomains: (e, input) => parseDomainCheck(e, input?.years),
  claimsCheck: parseClaimsCheck,
  createDomain: parseDomainCreated,
  infoDomain: parseDomainInfo,
  renewDomain: parseRenewed,
  transferDomain: (e) => parseTransfer(e),
  updateDomain: () => null,
  deleteDomain: (e) => ({ pending: e.code === 1001, credits: feeSummary(e, "delData")?.credits ?? [] }),
  restoreDomain: (e) => ({ rgpStatus: child(child(e.extension, NS.rgp, "upData"), NS.rgp, "rgpStatus")?.attrs.s }),
  reportRestore: () => null,
  checkHosts: (e) => objectChecks(e, NS.host, "name"),
  createHost: (e) => created(e, NS.host, "name", "name") as OpOutput<"createHost">,
  infoHost: hostInfo,
  updateHost: () => null,
  deleteHost: () => null,
  checkContacts: (e) => objectChecks(e, NS.contact, "id"),
  createContact: (e) => created(e, NS.contact, "id", "id") as OpOutput<"createContact">,
  infoContact: contactInfo,
  updateContact: () => null,
  deleteContact: () => null,
  pollRequest: poll,
  pollAck: (e) => ({ remaining: e.msgQ?.count ?? 0 }),
};

/** `input` is the command's own input: a check's prices are read for the period it asked. */
export function parseOutput<K extends OperationName>(op: K, e: Envelope, input?: OpInput<K>): OpOutput<K> {
  return PARSERS[op](e, input);
}
