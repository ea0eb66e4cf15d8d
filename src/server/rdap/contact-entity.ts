/**
 * Registrant and technical contacts as RDAP entities, redacted per RFC 9537 with the fields and
 * methods of the ICANN gTLD RDAP Response Profile (2024) sections 2.7.4-2.7.6:
 * name, street, city and postal code emptied (emptyValue, postPath on the empty value), organization
 * and phone removed (removal, prePath), email replaced by an address that reaches the contact
 * (replacementValue). State and country stay (the Registration Data Policy publishes them). Registry
 * contact IDs are never published (removal, "Server policy").
 */
import type { RdapContact } from "./load-rdap-data";
import type { JCardProperty, RdapEntity, RdapRedaction, VCardArray } from "./rdap-types";

export type ContactRole = "registrant" | "technical";
/** How an entity is shown: in full, redacted for an anonymous reader, or as the proxy service. */
export type ContactView = "full" | "redacted" | "proxy";

const PROFILE_NAME: Record<ContactRole, { id: string; name: string; phone: string; email: string }> = {
  registrant: {
    id: "Registry Registrant ID",
    name: "Registrant Name",
    phone: "Registrant Phone",
    email: "Registrant Email",
  },
  technical: { id: "Registry Tech ID", name: "Tech Name", phone: "Tech Phone", email: "Tech Email" },
};

export const PRIVACY_REASON = "Redacted for privacy";
export const POLICY_REASON = "Server policy";

export const PROXY_REMARK = {
  title: "Proxy service",
  description: [
    "This domain name is registered through the registrar's proxy service. The contact shown is the service itself, which holds the name for its customer and forwards communication to them.",
  ],
};

function entityPath(role: ContactRole): string {
  return `$.entities[?(@.roles[0]=='${role}')]`;
}

function propertyPath(role: ContactRole, property: string): string {
  return `${entityPath(role)}.vcardArray[1][?(@[0]=='${property}')]`;
}

function card(properties: JCardProperty[]): VCardArray {
  return ["vcard", [["version", {}, "text", "4.0"], ...properties]];
}

function address(c: RdapContact, redacted: boolean): JCardProperty {
  // Country by code only (profile: the country name is an empty string, the cc parameter holds ISO 3166).
  const street: string | string[] = redacted ? "" : c.street.length === 1 ? c.street[0] : c.street;
  return [
    "adr",
    { cc: c.countryCode },
    "text",
    ["", "", street, redacted ? "" : c.city, c.state, redacted ? "" : c.postalCode, ""],
  ];
}

function tel(phone: string): JCardProperty {
  return ["tel", { type: "voice" }, "uri", `tel:${phone}`];
}

/**
 * `replacementEmail` is where mail for a redacted contact goes instead: the Registration Data Policy
 * wants readers to be able to reach a contact whose own address is withheld.
 */
export function contactEntity(
  role: ContactRole,
  contact: RdapContact,
  view: ContactView,
  replacementEmail: string,
): { entity: RdapEntity; redactions: RdapRedaction[] } {
  const names = PROFILE_NAME[role];
  const redactions: RdapRedaction[] = [
    {
      name: { type: names.id },
      prePath: `${entityPath(role)}.handle`,
      pathLang: "jsonpath",
      method: "removal",
      reason: { description: POLICY_REASON },
    },
  ];
  if (view !== "redacted") {
    const properties: JCardProperty[] = [["fn", {}, "text", contact.name]];
    if (contact.organization) properties.push(["org", {}, "text", contact.organization]);
    properties.push(address(contact, false), tel(contact.phone), ["email", {}, "text", contact.email]);
    const entity: RdapEntity = { objectClassName: "entity", roles: [role], vcardArray: card(properties) };
    if (view === "proxy") Object.assign(entity, { status: ["proxy"], remarks: [PROXY_REMARK] });
    return { entity, redactions };
  }
  const privacy = { pathLang: "jsonpath" as const, reason: { description: PRIVACY_REASON } };
  const properties: JCardProperty[] = [["fn", {}, "text", ""]];
  if (role === "registrant") properties.push(address(contact, true));
  properties.push(["email", {}, "text", replacementEmail]);
  redactions.push({
    name: { type: names.name },
    postPath: `${propertyPath(role, "fn")}[3]`,
    method: "emptyValue",
    ...privacy,
  });
  if (role === "registrant") {
    const adr = `${propertyPath(role, "adr")}[3]`;
    redactions.push(
      {
        name: { type: "Registrant Organization" },
        prePath: `${propertyPath(role, "org")}`,
        method: "removal",
        ...privacy,
      },
      { name: { type: "Registrant Street" }, postPath: `${adr}[2]`, method: "emptyValue", ...privacy },
      { name: { type: "Registrant City" }, postPath: `${adr}[3]`, method: "emptyValue", ...privacy },
      { name: { type: "Registrant Postal Code" }, postPath: `${adr}[5]`, method: "emptyValue", ...privacy },
    );
  }
  redactions.push(
    { name: { type: names.phone }, prePath: propertyPath(role, "tel"), method: "removal", ...privacy },
    {
      name: { type: names.email },
      postPath: `${propertyPath(role, "email")}[3]`,
      method: "replacementValue",
      ...privacy,
    },
  );
  return { entity: { objectClassName: "entity", roles: [role], vcardArray: card(properties) }, redactions };
}
