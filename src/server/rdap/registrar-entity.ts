/**
 * The sponsoring registrar as RDAP shows it (profile 2024 sections 2.4 and 3.2; TIG 1.12.1): handle
 * and publicId are the IANA Registrar ID, an "about" link to its RDAP base URL, and the abuse contact
 * (email and phone, RAA 3.18) nested inside it.
 */
import type { RdapRegistrar } from "./load-rdap-data";
import { RDAP_MEDIA_TYPE, type RdapEntity, type RdapRequestContext } from "./rdap-types";

export function registrarEntity(registrar: RdapRegistrar, ctx: RdapRequestContext): RdapEntity {
  return {
    objectClassName: "entity",
    handle: String(registrar.ianaId),
    roles: ["registrar"],
    publicIds: [{ type: "IANA Registrar ID", identifier: String(registrar.ianaId) }],
    vcardArray: [
      "vcard",
      [
        ["version", {}, "text", "4.0"],
        ["fn", {}, "text", registrar.legalName],
      ],
    ],
    links: [{ value: ctx.requestUrl, rel: "about", href: registrar.rdapBaseUrl, type: RDAP_MEDIA_TYPE }],
    entities: [
      {
        objectClassName: "entity",
        roles: ["abuse"],
        vcardArray: [
          "vcard",
          [
            ["version", {}, "text", "4.0"],
            ["fn", {}, "text", `${registrar.legalName} Abuse Contact`],
            ["tel", { type: "voice" }, "uri", `tel:${registrar.abusePhone}`],
            ["email", {}, "text", registrar.abuseEmail],
          ],
        ],
      },
    ],
  };
}

/** The reseller the registrant bought from (profile: an optional entity with role "reseller"). */
export function resellerEntity(displayName: string): RdapEntity {
  return {
    objectClassName: "entity",
    roles: ["reseller"],
    vcardArray: [
      "vcard",
      [
        ["version", {}, "text", "4.0"],
        ["fn", {}, "text", displayName],
      ],
    ],
  };
}
