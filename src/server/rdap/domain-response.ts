/**
 * The domain answer (RFC 9083 section 5.3) for a name we sponsor, as the gTLD RDAP Response Profile
 * (2024) wants it from a registrar. Who reads decides what they see: anyone gets the registrant and
 * technical contacts redacted; the registrant signed in on the platform sees their own details;
 * with privacy on everyone else sees the proxy service, with the name's relay address, and never its
 * customer, while the customer still sees their own details.
 */
import type { DsRecord } from "@/server/registry";
import { toUnicodeName } from "@/lib/domain-name";
import { conformance, objectNotices, selfLink } from "./rdap-common";
import { contactEntity, type ContactView } from "./contact-entity";
import { relayAddress } from "./privacy-service";
import type { RdapContact, RdapDomainData, RdapRegistrar } from "./load-rdap-data";
import { registrarEntity, resellerEntity } from "./registrar-entity";
import { domainRdapStatuses } from "./status-map";
import {
  RDAP_MEDIA_TYPE,
  type RdapDomain,
  type RdapEntity,
  type RdapEvent,
  type RdapLink,
  type RdapNameserver,
  type RdapRedaction,
  type RdapRequestContext,
} from "./rdap-types";

function isDsRecord(v: unknown): v is DsRecord {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.keyTag === "number" &&
    typeof r.alg === "number" &&
    typeof r.digestType === "number" &&
    typeof r.digest === "string"
  );
}

function secureDns(ds: unknown): RdapDomain["secureDNS"] {
  const records = Array.isArray(ds) ? ds.filter(isDsRecord) : [];
  if (records.length === 0) return { delegationSigned: false };
  return {
    delegationSigned: true,
    dsData: records.map((r) => ({
      keyTag: r.keyTag,
      algorithm: r.alg,
      digestType: r.digestType,
      digest: r.digest.toUpperCase(),
    })),
  };
}

export function nameserverObject(name: string, addresses: readonly string[] | undefined): RdapNameserver {
  const ns: RdapNameserver = { objectClassName: "nameserver", ldhName: name };
  const unicode = toUnicodeName(name);
  if (unicode !== name) ns.unicodeName = unicode;
  if (addresses && addresses.length > 0) {
    const v4 = addresses.filter((a) => !a.includes(":"));
    const v6 = addresses.filter((a) => a.includes(":"));
    ns.ipAddresses = { ...(v4.length ? { v4 } : {}), ...(v6.length ? { v6 } : {}) };
  }
  return ns;
}

function events(d: RdapDomainData, now: Date): RdapEvent[] {
  const list: RdapEvent[] = [];
  if (d.registeredAt) list.push({ eventAction: "registration", eventDate: d.registeredAt.toISOString() });
  if (d.expiresAt) {
    list.push({ eventAction: "expiration", eventDate: d.expiresAt.toISOString() });
    // We bill and renew on the registry's date, so the registrar's expiration is the same instant.
    list.push({ eventAction: "registrar expiration", eventDate: d.expiresAt.toISOString() });
  }
  list.push({ eventAction: "last changed", eventDate: d.updatedAt.toISOString() });
  list.push({ eventAction: "last update of RDAP database", eventDate: now.toISOString() });
  return list;
}

/** The registry's own answer for the name, when we know where its RDAP service lives. */
function relatedLinks(d: RdapDomainData, ctx: RdapRequestContext): RdapLink[] {
  if (!d.registryRdapBaseUrl) return [];
  const href = `${d.registryRdapBaseUrl}domain/${d.name}`;
  return [{ value: ctx.requestUrl, rel: "related", href, type: RDAP_MEDIA_TYPE }];
}

function viewOf(d: RdapDomainData, ctx: RdapRequestContext): ContactView {
  const v = ctx.viewer;
  const own = v.kind === "registrant" && v.registrantId === d.registrantId && v.resellerId === d.resellerId;
  if (own) return "full";
  return d.privacy ? "proxy" : "redacted";
}

function proxyWithRelay(service: RdapContact, token: string | null): RdapContact {
  return token ? { ...service, email: relayAddress(service.email, token) } : service;
}

export function domainResponse(
  d: RdapDomainData,
  registrar: RdapRegistrar,
  ctx: RdapRequestContext,
  proxy: () => RdapContact,
): RdapDomain {
  const view = viewOf(d, ctx);
  // Mail for a redacted contact goes to the reseller that serves them, which can always reach them.
  const replacementEmail = d.reseller?.supportEmail ?? registrar.abuseEmail;
  const entities: RdapEntity[] = [registrarEntity(registrar, ctx)];
  if (d.reseller) entities.push(resellerEntity(d.reseller.displayName));
  const redacted: RdapRedaction[] = [];
  const people = [
    ["registrant", d.registrant],
    ["technical", d.tech],
  ] as const;
  for (const [role, contact] of people) {
    if (!contact) continue;
    const shown = view === "proxy" ? proxyWithRelay(proxy(), d.relayToken) : contact;
    const { entity, redactions } = contactEntity(role, shown, view, replacementEmail);
    entities.push(entity);
    redacted.push(...redactions);
  }
  if (!d.roid)
    redacted.unshift({
      name: { type: "Registry Domain ID" },
      prePath: "$.handle",
      pathLang: "jsonpath",
      method: "removal",
      reason: { description: "Server policy" },
    });
  const notices = objectNotices(ctx);
  if (view === "full")
    notices.push({
      title: "Signed in as the registrant",
      description: [
        "You are signed in as this domain's registrant, so your own details are shown in full.",
        ...(d.privacy
          ? ["Privacy is on: everyone else sees the privacy service and a relay address that forwards mail to you."]
          : []),
      ],
    });
  const answer: RdapDomain = {
    rdapConformance: conformance(redacted.length > 0),
    objectClassName: "domain",
    ...(d.roid ? { handle: d.roid } : {}),
    ldhName: d.name,
    ...(d.unicodeName && d.unicodeName !== d.name ? { unicodeName: d.unicodeName } : {}),
    links: [selfLink(ctx, `domain/${d.name}`), ...relatedLinks(d, ctx)],
    status: domainRdapStatuses(d.registryStatuses, d.state),
    events: events(d, ctx.now),
    nameservers: d.nameservers.map((ns) => nameserverObject(ns, d.glue.get(ns))),
    secureDNS: secureDns(d.dsRecords),
    entities,
    notices,
  };
  if (redacted.length > 0) answer.redacted = redacted;
  return answer;
}
