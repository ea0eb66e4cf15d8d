/** The entity (registrar), nameserver and help answers (RFC 9083 sections 5.1, 5.2, 7). */
import { conformance, objectNotices, selfLink, termsNotice } from "./rdap-common";
import { nameserverObject } from "./domain-response";
import type { RdapRegistrar } from "./load-rdap-data";
import { registrarEntity } from "./registrar-entity";
import type { RdapEntity, RdapNameserver, RdapNotice, RdapRequestContext, RdapTopLevel } from "./rdap-types";

export function registrarEntityResponse(registrar: RdapRegistrar, ctx: RdapRequestContext): RdapTopLevel & RdapEntity {
  const entity = registrarEntity(registrar, ctx);
  return {
    rdapConformance: conformance(false),
    ...entity,
    links: [selfLink(ctx, `entity/${entity.handle}`), ...(entity.links ?? [])],
    events: [{ eventAction: "last update of RDAP database", eventDate: ctx.now.toISOString() }],
    notices: objectNotices(ctx),
  };
}

export function nameserverResponse(
  host: { name: string; addresses: string[]; updatedAt: Date },
  registrar: RdapRegistrar,
  ctx: RdapRequestContext,
): RdapTopLevel & RdapNameserver {
  return {
    rdapConformance: conformance(false),
    ...nameserverObject(host.name, host.addresses),
    status: ["active"],
    links: [selfLink(ctx, `nameserver/${host.name}`)],
    events: [
      { eventAction: "last changed", eventDate: host.updatedAt.toISOString() },
      { eventAction: "last update of RDAP database", eventDate: ctx.now.toISOString() },
    ],
    entities: [registrarEntity(registrar, ctx)],
    notices: objectNotices(ctx),
  };
}

export function helpResponse(registrar: RdapRegistrar, ctx: RdapRequestContext): RdapTopLevel {
  const about: RdapNotice = {
    title: "About this service",
    description: [
      `RDAP for the domain names sponsored by ${registrar.legalName} (IANA Registrar ID ${registrar.ianaId}).`,
      "Lookups: domain/NAME (A-label or U-label), nameserver/NAME, entity/IANA-ID, help. Searches are not offered.",
      "Personal data is redacted (RFC 9537); a registrant signed in on our platform sees their own names in full.",
      `Abuse reports: ${registrar.abuseEmail}, ${registrar.abusePhone}.`,
    ],
  };
  return { rdapConformance: conformance(false), notices: [about, termsNotice(ctx)] };
}
