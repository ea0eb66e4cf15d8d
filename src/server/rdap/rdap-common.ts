/**
 * Members shared by every answer: conformance identifiers, the notices the ICANN gTLD RDAP Response
 * Profile (2024) requires word for word, and error bodies (RFC 9083 section 6).
 */
import {
  RDAP_MEDIA_TYPE,
  type RdapErrorBody,
  type RdapLink,
  type RdapNotice,
  type RdapRequestContext,
} from "./rdap-types";

export const RDAP_CONFORMANCE = [
  "rdap_level_0",
  "icann_rdap_response_profile_1",
  "icann_rdap_technical_implementation_guide_1",
] as const;

/** With "redacted" (RFC 9537) when the answer carries a `redacted` member. */
export function conformance(redacting: boolean): string[] {
  return redacting ? [...RDAP_CONFORMANCE, "redacted"] : [...RDAP_CONFORMANCE];
}

export function selfLink(ctx: RdapRequestContext, path: string): RdapLink {
  return { value: ctx.requestUrl, rel: "self", href: `${ctx.baseUrl}${path}`, type: RDAP_MEDIA_TYPE };
}

export function termsNotice(ctx: RdapRequestContext): RdapNotice {
  return {
    title: "Terms of Use",
    description: [
      "Registration data is provided to assist persons in obtaining information about domain name registrations sponsored by this registrar.",
      "It may be used only for lawful purposes. Automated high-volume queries are rate limited.",
      "Personal data of registrants is redacted under the ICANN Registration Data Policy.",
    ],
    links: [{ value: ctx.requestUrl, rel: "help", href: `${ctx.baseUrl}help`, type: RDAP_MEDIA_TYPE }],
  };
}

/** Profile section 2.6.3: exact title, sentence and link. */
export function statusCodesNotice(ctx: RdapRequestContext): RdapNotice {
  return {
    title: "Status Codes",
    description: ["For more information on domain status codes, please visit https://icann.org/epp"],
    links: [{ value: ctx.requestUrl, rel: "glossary", href: "https://icann.org/epp", type: "text/html" }],
  };
}

/** Profile section 2.10: exact title, sentence and link. */
export function inaccuracyNotice(ctx: RdapRequestContext): RdapNotice {
  return {
    title: "RDDS Inaccuracy Complaint Form",
    description: ["URL of the ICANN RDDS Inaccuracy Complaint Form: https://icann.org/wicf"],
    links: [{ value: ctx.requestUrl, rel: "help", href: "https://icann.org/wicf", type: "text/html" }],
  };
}

export function objectNotices(ctx: RdapRequestContext): RdapNotice[] {
  return [termsNotice(ctx), statusCodesNotice(ctx), inaccuracyNotice(ctx)];
}

export const ERROR_TITLES: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
};

export function errorBody(status: number, description: string): RdapErrorBody {
  return {
    rdapConformance: conformance(false),
    errorCode: status,
    title: ERROR_TITLES[status] ?? "Error",
    description: [description],
  };
}
