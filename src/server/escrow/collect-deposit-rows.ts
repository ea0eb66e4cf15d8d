/**
 * What a deposit holds, read from the database: every name we sponsor (all resellers) or, for an
 * incremental, those whose row, contacts or reseller changed after `since`; and one handle row per
 * contact those names use. Names we do not sponsor (still being created or transferred in, deleted,
 * transferred away) are never read, so none of their data can reach the agent. For a privacy name the
 * public handles are the proxy service's and the `p*` columns hold its customer's contacts (RAA 3.12).
 */
import type { Db, Tx } from "@/server/db";
import { SPONSORED_STATES } from "@/server/rdap/load-rdap-data";
import { isLiveReseller } from "@/server/live-tenants";
import { privacyServiceContact } from "@/server/rdap/privacy-service";
import type { DomainRow, HandleRow } from "./escrow-csv";

const PAGE = 5_000;

type DomainPick = {
  id: string;
  name: string;
  nameservers: string[];
  expiresAt: Date | null;
  privacy: boolean;
  registrantContactId: string | null;
  techContactId: string | null;
  adminContactId: string | null;
  billingContactId: string | null;
  resellerId: string;
};

export type DepositRows = { domains: DomainRow[]; handles: HandleRow[] };

/** The proxy service's handle in the handle file: one row for every privacy name. */
export function proxyHandle(ianaId: number): string {
  return `PROXY-${ianaId}`;
}

/** Ids of sponsored names that belong in a deposit: all of them, or those changed after `since`. */
export async function depositDomainIds(db: Db | Tx, since: Date | null, afterId = "", limit = PAGE) {
  const states = SPONSORED_STATES as string[];
  const rows = await db.$queryRaw<{ id: string }[]>`
    select d.id from "Domain" d
    join "Reseller" r on r.id = d."resellerId"
    where d.state::text = any(${states}) and d.id > ${afterId}
      -- Sandbox names (decision 108) are not registered anywhere a deposit speaks for.
      and ${isLiveReseller('d."resellerId"')}
      and (${since}::timestamptz is null
        or d."updatedAt" > ${since}::timestamptz
        or r."updatedAt" > ${since}::timestamptz
        or exists (select 1 from "Contact" c
          where c.id in (d."registrantContactId", d."adminContactId", d."techContactId", d."billingContactId")
            and c."updatedAt" > ${since}::timestamptz))
    order by d.id
    limit ${limit}`;
  return rows.map((r) => r.id);
}

function isoSeconds(d: Date | null): string {
  return d ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : "";
}

function domainRow(d: DomainPick, reseller: string, proxy: string): DomainRow {
  const ns = d.nameservers;
  const contacts = [d.registrantContactId, d.techContactId, d.adminContactId, d.billingContactId];
  const publicHandles = contacts.map((c) => (c ? (d.privacy ? proxy : c) : ""));
  const underlying = contacts.map((c) => (d.privacy && c ? c : ""));
  return {
    domain: d.name,
    ns1: ns[0] ?? "",
    ns2: ns[1] ?? "",
    ns3: ns[2] ?? "",
    ns4: ns[3] ?? "",
    expiration_date: isoSeconds(d.expiresAt),
    "rt-handle": publicHandles[0],
    "tc-handle": publicHandles[1],
    "ac-handle": publicHandles[2],
    "bc-handle": publicHandles[3],
    "prt-handle": underlying[0],
    "ptc-handle": underlying[1],
    "pac-handle": underlying[2],
    "pbc-handle": underlying[3],
    "ns-more": ns.slice(4).join(" "),
    reseller,
  };
}

type ContactPick = {
  id: string;
  name: string;
  organization: string;
  street1: string;
  street2: string;
  state: string;
  postalCode: string;
  city: string;
  countryCode: string;
  email: string;
  phone: string;
};

function handleRow(c: ContactPick): HandleRow {
  return {
    handle: c.id,
    name: c.name,
    address: [c.street1, c.street2].filter(Boolean).join(", "),
    state: c.state,
    zip: c.postalCode,
    city: c.city,
    country: c.countryCode,
    email: c.email,
    phone: c.phone,
    fax: "",
    organization: c.organization,
  };
}

export async function collectDepositRows(db: Db | Tx, since: Date | null): Promise<DepositRows> {
  const registrar = await db.registrar.findUnique({ where: { id: "registrar" } });
  if (!registrar) throw new Error("The registrar has not been configured: no IANA ID to deposit under.");
  const proxy = proxyHandle(registrar.ianaId);
  const resellers = new Map(
    (await db.reseller.findMany({ select: { id: true, legalName: true } })).map((r) => [r.id, r.legalName]),
  );

  const domains: DomainRow[] = [];
  const contactIds = new Set<string>();
  let anyPrivacy = false;
  let after = "";
  for (;;) {
    const ids = await depositDomainIds(db, since, after);
    if (!ids.length) break;
    after = ids[ids.length - 1];
    const page = await db.domain.findMany({
      where: { id: { in: ids } },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        nameservers: true,
        expiresAt: true,
        privacy: true,
        registrantContactId: true,
        techContactId: true,
        adminContactId: true,
        billingContactId: true,
        resellerId: true,
      },
    });
    for (const d of page) {
      domains.push(domainRow(d, resellers.get(d.resellerId) ?? "", proxy));
      anyPrivacy ||= d.privacy;
      for (const c of [d.registrantContactId, d.techContactId, d.adminContactId, d.billingContactId])
        if (c) contactIds.add(c);
    }
  }
  domains.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));

  const handles: HandleRow[] = [];
  const ids = [...contactIds].sort();
  for (let i = 0; i < ids.length; i += PAGE) {
    const contacts = await db.contact.findMany({
      where: { id: { in: ids.slice(i, i + PAGE) } },
      orderBy: { id: "asc" },
    });
    handles.push(...contacts.map(handleRow));
  }
  if (anyPrivacy) {
    const svc = privacyServiceContact(registrar);
    handles.push({
      handle: proxy,
      name: svc.name,
      address: svc.street.join(", "),
      state: svc.state,
      zip: svc.postalCode,
      city: svc.city,
      country: svc.countryCode,
      email: svc.email,
      phone: svc.phone,
      fax: "",
      organization: svc.organization,
    });
  }
  return { domains, handles };
}
